import { DetailedError } from '../errors/coded-error';

/** Failures of the extension's own rules, beside the portal's (PortalError). The detail is the portal origin or a short reason; never a secret. */
export type AccessErrorCode = 'NOT_SIGNED_IN' | 'PORTAL_NOT_CONFIGURED' | 'PORTAL_NOT_CONFIRMED' | 'PERMISSION_NEEDED' | 'CLIPBOARD_FAILED' | 'BAD_MESSAGE' | 'TOKEN_SHARING_OFF';

export class AccessError extends DetailedError<AccessErrorCode> {
  override readonly name = 'AccessError';
}
