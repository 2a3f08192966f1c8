import { withHandoffToken } from '../duplo/handoff-token';
import { verifyTokenUrl } from '../duplo/verify-token-url';
import type { PortalContext } from './portal-context';
import { acceptToken } from './tokens';

/**
 * The portal's verify-token page hands the token to `http://localhost:<port>/?t=...`. The
 * extension listens on no port: while a sign-in is pending, a declarativeNetRequest rule
 * for its tab only turns that navigation into a request its service worker answers (see
 * handoffTarget). The port only has to be one the portal accepts; it is fixed so the rule is.
 */
export const handoffPort = 53791;

/** The page a sign-in through the extension opens: the portal's, handing the token to handoffPort. */
export function signInPageUrl(origin: string): string {
  return verifyTokenUrl(origin, { port: handoffPort, step: 'redirect' });
}

/** RE2 syntax (declarativeNetRequest): anything sent to the handoff port. */
export const handoffPortRegex = `^http://(localhost|127\\.0\\.0\\.1):${handoffPort}/`;

/** The redirect's URL; group 2 is the URL-encoded token. */
export const handoffRegex = `${handoffPortRegex}\\?t=([^&#]+)`;

/**
 * Where the rule sends the handoff: a path of the extension that no file has, answered by its
 * service worker with 204 No Content. A navigation answered 204 never commits, so neither
 * its URL nor its redirect chain (which holds the token) is written to history or sessions.
 */
export const handoffPath = 'extension/handoff/receive/';

/** The rule's `regexSubstitution`: the extension's base URL, then the sign-in's nonce. */
export function handoffTarget(extensionBase: string, nonce: string): string {
  return `${extensionBase}${handoffPath}${nonce}?t=\\2`;
}

/** The nonce and token of a request the rule sent, or undefined for any other URL. */
export function readHandoff(extensionBase: string, url: string): { nonce: string; token: string } | undefined {
  const prefix = `${extensionBase}${handoffPath}`;
  if (!url.startsWith(prefix)) return undefined;
  const parsed = new URL(url);
  const nonce = parsed.pathname.slice(`/${handoffPath}`.length);
  const token = parsed.searchParams.get('t');
  return nonce && token ? { nonce, token } : undefined;
}

const handoffNavigation = new RegExp(handoffRegex);

/**
 * The token of the handoff navigation itself (`http://localhost:<port>/?t=...`), for a browser
 * whose request listener can stop it before it leaves (Firefox keeps blocking webRequest in
 * MV3, and its background has no fetch events to answer a redirect with). The query is decoded
 * once, as the redirect's target would be.
 */
export function readHandoffNavigation(url: string): { token: string } | undefined {
  if (!handoffNavigation.test(url)) return undefined;
  const token = new URL(url).searchParams.get('t');
  return token ? { token } : undefined;
}

/** What the portal's page hands over: the token, and from an MFA portal the user's code. */
export interface HandedOver {
  readonly token: string;
  readonly otp?: string;
}

/**
 * Signs in to `origin` with the handed-over token, as the portal encoded it once or twice
 * (withHandoffToken). Its MFA code is held for the form the portal accepted, the one later calls send.
 */
export async function acceptHandoff(context: PortalContext, origin: string, handoff: HandedOver): Promise<void> {
  const accepted = await withHandoffToken(handoff.token, async (form) => {
    await acceptToken(context, origin, form, 'handoff');
    return form;
  });
  if (handoff.otp) context.otps.hold(origin, accepted, handoff.otp);
}
