/** Failures of the extension's own rules, beside the portal's (PortalError). */
export type AccessErrorCode = 'NOT_SIGNED_IN' | 'PORTAL_NOT_CONFIGURED' | 'PORTAL_NOT_CONFIRMED' | 'PERMISSION_NEEDED' | 'CLIPBOARD_FAILED' | 'BAD_MESSAGE';

export class AccessError extends Error {
  override readonly name = 'AccessError';

  constructor(
    readonly code: AccessErrorCode,
    /** The portal origin or a short reason; never a secret. */
    readonly detail: string,
  ) {
    super(`${code}: ${detail}`);
  }
}
