import { CodedError } from '../errors/coded-error';

/**
 * Every way a portal call can fail, as a stable code. Callers branch on `code`; the words a
 * user reads come from `describePortalError`, at the edge.
 */
export const portalErrorCodes = [
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'OTP_REQUIRED',
  'TENANT_NOT_FOUND',
  'TENANT_AMBIGUOUS',
  'PORTAL_UNAVAILABLE',
  'BAD_RESPONSE',
  'REJECTED',
  'TIMEOUT',
  'INSECURE_HOST',
  'INVALID_HOST',
  'CONSOLE_HOST_REFUSED',
] as const;

export type PortalErrorCode = (typeof portalErrorCodes)[number];

export interface PortalErrorDetails {
  /** The API path that failed, e.g. `admin/GetTenantsForUser`. Never holds a secret. */
  readonly endpoint?: string;
  readonly status?: number;
  /** What exactly was wrong, already free of secrets: a field name, a host, a tenant name. */
  readonly detail?: string;
  /** The portal's own `Message`, trimmed and with the token redacted. */
  readonly portalMessage?: string;
}

export class PortalError extends CodedError<PortalErrorCode> {
  override readonly name = 'PortalError';

  constructor(
    code: PortalErrorCode,
    readonly details: PortalErrorDetails = {},
  ) {
    super(code, [code, details.endpoint, details.status, details.detail].filter((part) => part !== undefined).join(': '));
  }
}

/**
 * By name, not instanceof: the CLI ships as two files, each with its own copy of this class,
 * and an error thrown in one is described in the other.
 */
export function isPortalError(error: unknown, code?: PortalErrorCode): error is PortalError {
  return error instanceof Error && error.name === 'PortalError' && 'code' in error && (code === undefined || error.code === code);
}
