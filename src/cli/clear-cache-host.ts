import { isPortalError } from '../duplo/errors';
import { normalizePortalHost } from '../duplo/portal-host';
import { UsageError } from '../flags/usage-error';

/**
 * The portal `clear-cache --host` names. The command sends no token, so the portal host's
 * "refusing to send a token" would not fit: a plain-http address (other than loopback) names a
 * portal nothing was ever cached for, since credentials come only over https.
 */
export function clearCacheHost(input: string): string {
  try {
    return normalizePortalHost(input);
  } catch (error) {
    if (!isPortalError(error, 'INSECURE_HOST')) throw error;
    const { host } = new URL(input.trim());
    throw new UsageError(`--host http://${host} is plain http, and nothing is ever cached for a portal over plain http; give the portal's https address, as in --host https://${host}`);
  }
}
