export { AccessError, type AccessErrorCode } from './access-error';
export { consoleUrlFor, credentialsFor, keysTextFor, type KeysText } from './credentials';
export { createPortalContext, type AccessDeps, type PortalContext } from './portal-context';
export { findPortal, isDuploCloudOrigin, portalEntry } from './portal-origins';
export { refreshPortal } from './refresh';
export { acceptToken, observeRequest } from './tokens';
export { toViewError } from './view-error';
export { popupView, portalView } from './view';
