import { loadSettings } from '../settings/settings';
import type { PortalContext } from './portal-context';
import { portalForApiOrigin } from './portal-origins';
import type { Session } from './session-store';

const bearer = /^Bearer\s+([^\s]+)$/i;

/**
 * A request the portal's own page made. Its token becomes the session only when the page is
 * a portal the user has (built-in or added) and the request goes to that portal's API, so
 * no other site's traffic is ever read for tokens. A *.duplocloud.net portal the user never
 * vouched for keeps its token here unused (context.portal refuses it) until confirmed, so
 * confirming works at once, without reloading the portal's page.
 */
export async function observeRequest(context: PortalContext, page: string | undefined, requestOrigin: string, authorization: string | undefined): Promise<boolean> {
  const token = authorization && bearer.exec(authorization.trim())?.[1];
  if (!token || !page) return false;
  const portal = portalForApiOrigin(requestOrigin, await loadSettings(context.deps.disk));
  if (!portal || portal.origin !== page) return false;
  const changed = await context.sessions.offer(portal.origin, token, 'observed');
  // Another token may be another user: their credentials, and yeses given under the old one, must not serve this one.
  if (changed) await context.forgetTokenUse(portal.origin);
  return changed;
}

/**
 * A token from the sign-in handoff or pasted in options: it becomes the session only after
 * the portal accepts it (v3/features/system). Throws PortalError or AccessError.
 */
export async function acceptToken(context: PortalContext, origin: string, token: string, source: Exclude<Session['source'], 'observed'>, remember = false): Promise<void> {
  // The user chose this portal here (signed in through the extension, or pasted a token for
  // it): that vouches for it, so a *.duplocloud.net portal needs no confirmation after this.
  const entry = await context.candidatePortal(origin);
  await context.clientFor(entry, token).systemFeatures();
  await context.trust.vouch(origin, source === 'handoff' ? 'signed-in' : 'pasted');
  const current = await context.sessions.get(origin);
  if (current?.token !== token) await context.forgetTokenUse(origin);
  await context.sessions.offer(origin, token, source);
  await context.sessions.mark(origin, token, { state: 'active' });
  const session = await context.sessions.get(origin);
  // Not remembering this token also means not keeping an older one on disk for the portal.
  if (remember && session) await context.sessions.remember(origin, session);
  else await context.sessions.forgetRemembered(origin);
}
