import { createPortalClient, type PortalClient } from '../duplo/portal-client';
import { isPortalError } from '../duplo/errors';
import type { FetchLike } from '../duplo/portal-request';
import type { ViewError } from '../worker-messages/protocol';
import { loadSettings, type PortalEntry } from '../settings/settings';
import type { KeyValueArea } from '../storage/key-value';
import { AccessError } from './access-error';
import { dropGrants } from './approval-grants';
import { createConsoleTabs } from './console-tabs';
import { createCredentialCache } from './credential-cache';
import { createKnownTenants } from './known-tenants';
import { createHandoffOtps } from './handoff-otps';
import { findPortal } from './portal-origins';
import { createPortalTrust, portalStanding, type PortalStanding } from './portal-trust';
import { createSessionStore, type Session } from './session-store';

export interface AccessDeps {
  readonly fetch: FetchLike;
  readonly now: () => number;
  /** storage.session: tokens and credentials, never written to disk. */
  readonly memory: KeyValueArea;
  /** storage.local: settings and tenant names, nothing secret. */
  readonly disk: KeyValueArea;
  readonly hasHostPermission: (origin: string) => Promise<boolean>;
  readonly timeoutMs?: number;
}

export interface SignedIn {
  readonly api: PortalClient;
  readonly session: Session;
}

/** The stores and the checks every access operation shares. */
export function createPortalContext(deps: AccessDeps) {
  const sessions = createSessionStore(deps.memory, deps.disk);
  const cache = createCredentialCache(deps.memory, deps.now);
  const known = createKnownTenants(deps.disk);
  const trust = createPortalTrust(deps.disk);
  const otps = createHandoffOtps();
  const rowErrors = new Map<string, ViewError>();
  const portalErrors = new Map<string, ViewError>();

  const standing = async (origin: string): Promise<PortalStanding | undefined> => portalStanding(origin, await loadSettings(deps.disk), await trust.all());

  /** A portal the user may vouch for (added, or under *.duplocloud.net), confirmed or not. */
  const candidatePortal = async (origin: string): Promise<PortalEntry> => {
    const entry = findPortal(origin, await loadSettings(deps.disk));
    if (!entry) throw new AccessError('PORTAL_NOT_CONFIGURED', origin);
    return entry;
  };

  /** A portal whose token may be used: a page that was only seen must be confirmed first. */
  const portal = async (origin: string): Promise<PortalEntry> => {
    const entry = await candidatePortal(origin);
    if ((await standing(origin)) === 'seen') throw new AccessError('PORTAL_NOT_CONFIRMED', origin);
    return entry;
  };

  const clientFor = (entry: PortalEntry, token: string): PortalClient => {
    const otp = otps.for(entry.origin, token);
    return createPortalClient({
      host: entry.origin,
      ...(entry.apiHost ? { apiHost: entry.apiHost } : {}),
      token,
      ...(otp ? { otp } : {}),
      fetch: deps.fetch,
      ...(deps.timeoutMs ? { timeoutMs: deps.timeoutMs } : {}),
    });
  };

  return {
    deps,
    sessions,
    cache,
    /** The console tabs the extension opened (src/worker/console-tabs.ts). */
    consoleTabs: createConsoleTabs(deps.memory, deps.now),
    known,
    trust,
    otps,
    rowErrors,
    portalErrors,
    standing,
    candidatePortal,
    portal,
    clientFor,

    /** What was got or granted under a portal's token: its credentials, the programs' "ask once" grants, its MFA code. */
    async forgetTokenUse(origin: string): Promise<void> {
      otps.drop(origin);
      await Promise.all([cache.drop(origin), dropGrants(deps.memory, origin)]);
    },

    /** A client for a portal the user chose, with permission and a live session, or AccessError. */
    async signedIn(origin: string): Promise<SignedIn> {
      const entry = await portal(origin);
      if (!(await deps.hasHostPermission(origin))) throw new AccessError('PERMISSION_NEEDED', origin);
      const session = await sessions.get(origin);
      if (!session || session.state === 'expired') throw new AccessError('NOT_SIGNED_IN', origin);
      return { api: clientFor(entry, session.token), session };
    },

    /**
     * Runs a portal call; a 401 (or a 403 on a call every user may make) means the token no
     * longer works, so the session is marked expired and its credentials forgotten.
     */
    async guarded<T>(origin: string, session: Session, call: () => Promise<T>, sessionLevel: boolean): Promise<T> {
      try {
        return await call();
      } catch (error) {
        if (isPortalError(error, 'UNAUTHORIZED') || (sessionLevel && isPortalError(error, 'FORBIDDEN'))) {
          await sessions.mark(origin, session.token, { state: 'expired' });
          await cache.drop(origin);
        }
        throw error;
      }
    },
  };
}
export type PortalContext = ReturnType<typeof createPortalContext>;
