import { loadSettings, saveSettings, type Settings } from '../settings/settings';
import { AccessError } from './access-error';
import type { PortalContext } from './portal-context';
import { forgetConsoleDefaults } from './tenant-console-defaults';

/** The user's "use it" for a portal the extension only saw: its held token may now be used. */
export async function confirmPortal(context: PortalContext, origin: string): Promise<void> {
  const standing = await context.standing(origin);
  if (!standing) throw new AccessError('PORTAL_NOT_CONFIGURED', origin);
  if (standing === 'seen') await context.trust.vouch(origin, 'confirmed');
}

/** Signs the extension out of a portal: its token (kept or remembered) and what was got or granted under it. */
export async function forgetSession(context: PortalContext, origin: string): Promise<void> {
  await Promise.all([context.sessions.forget(origin), context.forgetTokenUse(origin)]);
  context.portalErrors.delete(origin);
}

/**
 * The one way a portal leaves the extension: its entry, the user's vouching, its session,
 * its credentials and its tenant list. Anything else kept per portal is dropped here too.
 */
export async function removePortal(context: PortalContext, origin: string): Promise<Settings> {
  const { portals, tokenSharing } = await loadSettings(context.deps.disk);
  await Promise.all([forgetSession(context, origin), context.known.forget(origin), context.trust.revoke(origin), forgetConsoleDefaults(context.deps.disk, origin)]);
  for (const key of context.rowErrors.keys()) if (key.startsWith(`${origin} `)) context.rowErrors.delete(key);
  return saveSettings(context.deps.disk, { portals: portals.filter((portal) => portal.origin !== origin), tokenSharing: tokenSharing.filter((shared) => shared !== origin) });
}
