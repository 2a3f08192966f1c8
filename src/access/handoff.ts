/**
 * The portal's verify-token page hands the token to `http://localhost:<port>/?t=...`. The
 * extension listens on no port: a declarativeNetRequest rule turns that navigation into its
 * handoff page. The port only has to be one the portal accepts; it is fixed so the rule is.
 */
export const handoffPort = 53791;
export const handoffAppName = 'duplo-jit-bridge';

export function verifyTokenUrl(origin: string): string {
  const query = new URLSearchParams({ localAppName: handoffAppName, localPort: String(handoffPort), redirect: 'true' });
  return `${origin}/app/user/verify-token?${query}`;
}

/** RE2 syntax (declarativeNetRequest); group 2 is the URL-encoded token. */
export const handoffRegex = `^http://(localhost|127\\.0\\.0\\.1):${handoffPort}/\\?t=([^&#]+)`;
