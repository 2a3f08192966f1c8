import { DetailedError } from '../errors/coded-error';

/**
 * Every way turning credentials into text or a URL can fail, as a stable code. The message
 * names what was wrong (a variable, a region) and never the value: keys, tokens and sign-in
 * URLs are secrets, and error messages end up in logs.
 */
export const awsFormatErrorCodes = ['UNREPRESENTABLE', 'BAD_PROFILE', 'BAD_DESTINATION', 'NOT_A_LOGIN_URL'] as const;

export type AwsFormatErrorCode = (typeof awsFormatErrorCodes)[number];

export class AwsFormatError extends DetailedError<AwsFormatErrorCode> {
  override readonly name = 'AwsFormatError';
}

export function isAwsFormatError(error: unknown, code?: AwsFormatErrorCode): error is AwsFormatError {
  return error instanceof AwsFormatError && (code === undefined || error.code === code);
}
