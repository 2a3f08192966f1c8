import { DetailedError } from '../errors/coded-error';

/** AWS multi-session signs in at most five identities in one browser. */
export const maxConsoleSessions = 5;

/**
 * A console the extension will not open without the user's say: `SESSION_LIMIT`, five
 * sessions are open. The detail names the oldest (portal host and tenant name), never a link.
 */
export class ConsoleSessionError extends DetailedError<'SESSION_LIMIT'> {
  override readonly name = 'ConsoleSessionError';
}
