export { createPortalClient, type PortalClient, type PortalClientOptions } from './portal-client';
export { describePortalError } from './describe-error';
export { isPortalError, PortalError, portalErrorCodes, type PortalErrorCode } from './errors';
export { isLoopbackHost, normalizePortalHost } from './portal-host';
export type { FetchLike, TransportOptions } from './portal-request';
export { resolveTenant, type ResolvedTenant } from './resolve-tenant';
export type { AwsJitCredentials, SystemFeatures, TenantFeatures, UserTenant } from './schemas';
