import * as z from 'zod/mini';
import type { Settings } from '../settings/settings';
import type { KeyValueArea } from '../storage/key-value';
import { findPortal } from './portal-origins';

/**
 * How the user vouched for a portal under *.duplocloud.net that they did not add: by signing
 * in to it through the extension, by pasting a token for it, or by confirming it once after
 * the extension saw its page call its API. Many customers (and hosted apps) share that
 * domain, so a page there is only a candidate until one of these happened.
 */
const vouchings = ['signed-in', 'pasted', 'confirmed'] as const;
export type Vouching = (typeof vouchings)[number];

/**
 * A portal as the extension knows it: `added` in the options, vouched for, or only `seen`
 * (a *.duplocloud.net page sent a token: held, never used, until the user confirms it).
 */
export type PortalStanding = 'added' | Vouching | 'seen';

const TrustSchema = z.record(z.string(), z.enum(vouchings));
const trustKey = 'trusted-portals';

/** The vouched-for portals by origin, in storage.local: which portals, never a token. */
export function createPortalTrust(disk: KeyValueArea) {
  const read = async (): Promise<Record<string, Vouching>> => {
    const parsed = TrustSchema.safeParse((await disk.get(trustKey)) ?? {});
    return parsed.success ? parsed.data : {};
  };
  return {
    all: read,
    async vouch(origin: string, how: Vouching): Promise<void> {
      const trust = await read();
      if (trust[origin] === how) return;
      await disk.set(trustKey, { ...trust, [origin]: how });
    },
    async revoke(origin: string): Promise<void> {
      const trust = await read();
      if (!(origin in trust)) return;
      Reflect.deleteProperty(trust, origin);
      await disk.set(trustKey, trust);
    },
  };
}
export type PortalTrust = ReturnType<typeof createPortalTrust>;

/** Where a portal stands, or undefined for an origin that cannot be a portal at all. */
export function portalStanding(origin: string, settings: Settings, trust: Readonly<Record<string, Vouching>>): PortalStanding | undefined {
  if (settings.portals.some((portal) => portal.origin === origin)) return 'added';
  if (!findPortal(origin, settings)) return undefined;
  return trust[origin] ?? 'seen';
}
