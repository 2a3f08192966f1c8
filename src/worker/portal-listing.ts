import type { SessionState } from '../worker-messages/protocol';
import type { PortalContext } from './portal-context';
import type { PortalStanding } from './portal-trust';
import { loadSettings } from '../settings/settings';
import { heldSessionState, knownPortals } from './view';

/** One portal as the options page lists it. */
export interface PortalListing {
  readonly origin: string;
  readonly apiHost?: string;
  readonly standing: PortalStanding;
  /** For a `seen` portal, the session it holds unused. */
  readonly session: Exclude<SessionState, 'unconfirmed'>;
  /** Whether local programs may ask for its session (src/worker/token-sharing.ts). */
  readonly sharesToken: boolean;
}

/** Every portal the extension knows, for the options page, in a stable order: by host. */
export async function portalListing(context: PortalContext): Promise<PortalListing[]> {
  const portals = await knownPortals(context);
  const { tokenSharing } = await loadSettings(context.deps.disk);
  const listed = await Promise.all(
    portals.map(async ({ origin, standing }): Promise<PortalListing> => {
      const apiHost = (await context.candidatePortal(origin)).apiHost;
      const session = await heldSessionState(context, origin);
      return { origin, standing, session, sharesToken: tokenSharing.includes(origin), ...(apiHost ? { apiHost } : {}) };
    }),
  );
  const host = (origin: string) => new URL(origin).host;
  return listed.sort((a, b) => host(a.origin).localeCompare(host(b.origin)));
}
