import { isPortalError, PortalError } from './errors';
import { parseResponse } from './parse-response';
import { normalizePortalHost } from './portal-host';
import { portalGet, type PortalConnection, type TransportOptions } from './portal-request';
import {
  AwsJitCredentialsSchema,
  hasTenantIdentity,
  K8sClusterConfigSchema,
  SystemFeaturesSchema,
  TenantFeaturesSchema,
  UserTenantListSchema,
  type AwsJitCredentials,
  type K8sClusterConfig,
  type SystemFeatures,
  type TenantFeatures,
  type UserTenant,
} from './schemas';

export interface PortalClientOptions extends TransportOptions {
  /** The portal, e.g. `https://acme.duplocloud.net`. */
  readonly host: string;
  /** A separate API host, when the portal serves its API elsewhere (`--api-host`). */
  readonly apiHost?: string;
  readonly token: string;
  /** MFA code, for admin calls on portals that require one. */
  readonly otp?: string;
  /** Told how many rows of the tenant list had no name or no ID and were left out. */
  readonly onSkippedTenants?: (count: number) => void;
}

export type PortalClient = ReturnType<typeof createPortalClient>;

const paths = {
  systemFeatures: 'v3/features/system',
  tenants: 'admin/GetTenantsForUser',
  adminJit: 'v3/admin/aws/jitAccess/admin',
  legacyAdminJit: 'adminproxy/GetJITAwsConsoleAccessUrl',
  duploOpsJit: 'v3/admin/aws/jitAccess/duplo-ops',
  tenantJit: (tenantId: string) => `subscriptions/${encodeURIComponent(tenantId)}/GetAwsConsoleTokenUrl`,
  tenantFeatures: (tenantId: string) => `v3/features/tenant/${encodeURIComponent(tenantId)}`,
  tenantK8s: (tenantId: string) => `v3/subscriptions/${encodeURIComponent(tenantId)}/k8s/jitAccess`,
  planK8s: (planId: string) => `v3/admin/plans/${encodeURIComponent(planId)}/k8sConfig`,
};

/** One typed function per endpoint the product uses (docs/architecture.md, "The portal's API"). Throws PortalError. */
export function createPortalClient(options: PortalClientOptions) {
  const origin = normalizePortalHost(options.host);
  const connection: PortalConnection = {
    apiOrigin: options.apiHost ? normalizePortalHost(options.apiHost) : origin,
    token: options.token,
    ...(options.otp ? { otp: options.otp } : {}),
    transport: options,
  };

  const systemFeatures = async (): Promise<SystemFeatures> =>
    parseResponse(SystemFeaturesSchema, await portalGet(connection, paths.systemFeatures), paths.systemFeatures);

  const jit = async (path: string): Promise<AwsJitCredentials> =>
    parseResponse(AwsJitCredentialsSchema, await portalGet(connection, path), path);

  const k8s = async (path: string): Promise<K8sClusterConfig> =>
    parseResponse(K8sClusterConfigSchema, await portalGet(connection, path), path);

  /**
   * The portal does not say "MFA code needed" on a refused admin call; its system features
   * do. Asking them only after a refusal keeps the happy path to one request.
   */
  const adminCall = async <T>(call: () => Promise<T>): Promise<T> => {
    try {
      return await call();
    } catch (error) {
      if (connection.otp || !(isPortalError(error, 'FORBIDDEN') || isPortalError(error, 'UNAUTHORIZED'))) throw error;
      const features = await systemFeatures().catch(() => undefined);
      if (features?.IsOtpNeeded) throw new PortalError('OTP_REQUIRED', error.details);
      throw error;
    }
  };

  return {
    origin,

    /** Doubles as the token check: a 401/403 here means the token is bad or expired. */
    systemFeatures,

    async tenants(): Promise<UserTenant[]> {
      const rows = parseResponse(UserTenantListSchema, await portalGet(connection, paths.tenants), paths.tenants);
      const tenants = rows.filter(hasTenantIdentity);
      if (tenants.length < rows.length) options.onSkippedTenants?.(rows.length - tenants.length);
      return tenants;
    },

    async tenantFeatures(tenantId: string): Promise<TenantFeatures> {
      const path = paths.tenantFeatures(tenantId);
      return parseResponse(TenantFeaturesSchema, await portalGet(connection, path), path);
    },

    /** Portals too old for the v3 path answer 404 there; they still have the legacy one. */
    adminJit: () =>
      adminCall(async () => {
        try {
          return await jit(paths.adminJit);
        } catch (error) {
          if (!isPortalError(error, 'NOT_FOUND')) throw error;
          return jit(paths.legacyAdminJit);
        }
      }),

    duploOpsJit: () => adminCall(() => jit(paths.duploOpsJit)),

    tenantJit: (tenantId: string) => jit(paths.tenantJit(tenantId)),

    tenantK8s: (tenantId: string) => k8s(paths.tenantK8s(tenantId)),

    /** A plan's cluster as an administrator: the peers' `k8s --plan`. */
    planK8s: (planId: string) => adminCall(() => k8s(paths.planK8s(planId))),
  };
}
