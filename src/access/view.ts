import type { PopupView, PortalView, SessionState } from '../messages/protocol';
import { loadSettings, scopeKey } from '../settings/settings';
import type { PortalContext } from './portal-context';
import { findPortal } from './portal-origins';
import { portalRows } from './portal-rows';

async function sessionState(context: PortalContext, origin: string): Promise<SessionState> {
  if (!(await context.deps.hasHostPermission(origin))) return 'permission-needed';
  const session = await context.sessions.get(origin);
  if (!session) return 'signed-out';
  return session.state === 'expired' ? 'expired' : 'signed-in';
}

/** One portal as the popup shows it, from what is stored: no network. */
export async function portalView(context: PortalContext, origin: string): Promise<PortalView> {
  const [session, known, settings, held] = await Promise.all([
    sessionState(context, origin),
    context.known.get(origin),
    loadSettings(context.deps.disk),
    context.cache.held(origin),
  ]);
  const rows = portalRows(origin, known, settings, {
    expiresAt: (scope) => {
      const expiresAt = held.get(scope);
      return expiresAt === undefined ? undefined : new Date(expiresAt).toISOString();
    },
    error: (scope) => context.rowErrors.get(scopeKey(origin, scope)),
  });
  const error = session === 'signed-in' ? context.portalErrors.get(origin) : undefined;
  return { origin, session, rows, ...(known ? { fetchedAt: known.fetchedAt } : {}), ...(error ? { error } : {}) };
}

/** Every portal the user added, signed in to, or used before; signed-in ones first. */
export async function popupView(context: PortalContext): Promise<PopupView> {
  const settings = await loadSettings(context.deps.disk);
  const origins = new Set([
    ...settings.portals.map((portal) => portal.origin),
    ...Object.keys(await context.sessions.all()),
    ...(await context.known.origins()),
  ]);
  const portals = await Promise.all([...origins].filter((origin) => findPortal(origin, settings)).map((origin) => portalView(context, origin)));
  const order = (view: PortalView) => (view.session === 'signed-in' ? 0 : 1);
  return { portals: portals.sort((a, b) => order(a) - order(b)), defaultFormat: settings.defaultFormat };
}
