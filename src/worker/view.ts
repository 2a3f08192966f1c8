import type { PopupView, PortalView, SessionState } from '../worker-messages/protocol';
import { loadSettings, scopeKey } from '../settings/settings';
import type { PortalContext } from './portal-context';
import { portalRows } from './portal-rows';
import { portalStanding, type PortalStanding } from './portal-trust';

/** The portal's session as far as the extension holds one, whether or not the portal is confirmed. */
export async function heldSessionState(context: PortalContext, origin: string): Promise<Exclude<SessionState, 'unconfirmed'>> {
  if (!(await context.deps.hasHostPermission(origin))) return 'permission-needed';
  const session = await context.sessions.get(origin);
  if (!session) return 'signed-out';
  return session.state === 'expired' ? 'expired' : 'signed-in';
}

/** One portal as the popup shows it, from what is stored: no network. */
export async function portalView(context: PortalContext, origin: string): Promise<PortalView> {
  // Nothing of a portal the user has not confirmed is shown, not even a tenant list it sent.
  if ((await context.standing(origin)) === 'seen') return { origin, session: 'unconfirmed', rows: [] };
  const [session, known, settings, held, consoles] = await Promise.all([
    heldSessionState(context, origin),
    context.known.get(origin),
    loadSettings(context.deps.disk),
    context.cache.held(origin),
    context.consoleTabs.sessions(),
  ]);
  const consoleEnds = new Map(consoles.filter((opened) => opened.origin === origin).map((opened) => [opened.scope, opened.endsAt]));
  const rows = portalRows(origin, known, settings, {
    expiresAt: (scope) => {
      const expiresAt = held.get(scope);
      return expiresAt === undefined ? undefined : new Date(expiresAt).toISOString();
    },
    consoleUntil: (scope) => {
      const endsAt = consoleEnds.get(scope);
      return endsAt === undefined ? undefined : new Date(endsAt).toISOString();
    },
    error: (scope) => context.rowErrors.get(scopeKey(origin, scope)),
  });
  const error = session === 'signed-in' ? context.portalErrors.get(origin) : undefined;
  return { origin, session, rows, ...(known ? { fetchedAt: known.fetchedAt } : {}), ...(error ? { error } : {}) };
}

/**
 * Every portal the extension knows, with where it stands: added, vouched for, or seen with a
 * token (a *.duplocloud.net origin with neither is not a portal anyone chose, so not listed).
 */
export async function knownPortals(context: PortalContext): Promise<{ origin: string; standing: PortalStanding }[]> {
  const [settings, trust, sessions] = await Promise.all([loadSettings(context.deps.disk), context.trust.all(), context.sessions.all()]);
  const origins = new Set([...settings.portals.map((portal) => portal.origin), ...Object.keys(trust), ...Object.keys(sessions), ...(await context.known.origins())]);
  return [...origins].flatMap((origin) => {
    const standing = portalStanding(origin, settings, trust);
    if (!standing || (standing === 'seen' && !sessions[origin])) return [];
    return [{ origin, standing }];
  });
}

const order: Partial<Record<SessionState, number>> = { 'signed-in': 0, unconfirmed: 2 };

/** Every portal the user added, signed in to, or used before, and those waiting to be confirmed; signed-in ones first. */
export async function popupView(context: PortalContext): Promise<PopupView> {
  const [settings, known] = await Promise.all([loadSettings(context.deps.disk), knownPortals(context)]);
  const portals = await Promise.all(known.map(({ origin }) => portalView(context, origin)));
  const rank = (view: PortalView) => order[view.session] ?? 1;
  return { portals: portals.sort((a, b) => rank(a) - rank(b)), defaultFormat: settings.defaultFormat, copyFormats: settings.allowedFormats };
}
