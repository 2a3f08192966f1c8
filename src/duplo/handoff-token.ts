import { isPortalError } from './errors';

/** `value` URL-decoded once more, or undefined when that changes nothing or is not valid encoding. */
function decodedAgain(value: string): string | undefined {
  try {
    const decoded = decodeURIComponent(value);
    return decoded === value ? undefined : decoded;
  } catch {
    return undefined;
  }
}

/**
 * Runs `use` (a call that checks the token with the portal) with the token the verify-token
 * page handed over. Portals encode it once or twice in `?t=` (duplo-jit decodes it once more
 * "in case the encode modified the token"), so when the portal refuses it as received and
 * decoding it again changes it, the decoded form gets one try. Any other failure stands.
 */
export async function withHandoffToken<T>(received: string, use: (token: string) => Promise<T>): Promise<T> {
  try {
    return await use(received);
  } catch (error) {
    const decoded = decodedAgain(received);
    if (decoded === undefined || !(isPortalError(error, 'UNAUTHORIZED') || isPortalError(error, 'FORBIDDEN'))) throw error;
    return use(decoded);
  }
}
