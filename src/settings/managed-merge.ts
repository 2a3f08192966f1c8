import { normalizePortalHost } from '../duplo/portal-host';
import { ManagedSettingError } from './managed-error';
import type { ManagedSettings } from './managed-schema';
import { SettingsSchema, type PortalEntry, type Settings } from './settings';

export type SettingKey = keyof Settings;

/** What the options page shows as "set by your organisation". */
export interface ManagedLocks {
  /** Settings the user cannot change. */
  readonly settings: readonly SettingKey[];
  /** Portals the user cannot remove or change. */
  readonly portals: readonly string[];
}

/** Settings only an organisation sets: never offered to the user, never stored. */
const organisationOnly: readonly SettingKey[] = ['onlyListedPortals', 'allowedFormats'];
/** Settings an organisation sets under their own name: its value, when given, is the one in force and locked. */
const organisationWins = ['approvalPolicy', 'approvalTimeoutSeconds', 'multiSession', 'consoleTabGroups'] as const satisfies readonly (SettingKey & keyof ManagedSettings)[];
type OrganisationWins = (typeof organisationWins)[number];
const defaults = SettingsSchema.parse({});

/**
 * The organisation's portals as every portal is kept (`normalizePortalHost`: https, or http on
 * this machine, scheme and host only). One it refuses is left out, as a bad policy key is.
 */
export function managedPortals(managed: ManagedSettings): PortalEntry[] {
  return (managed.portals ?? []).flatMap(({ origin, apiHost, approval }) => {
    try {
      return [{ origin: normalizePortalHost(origin), ...(apiHost ? { apiHost: normalizePortalHost(apiHost) } : {}), ...(approval ? { approval } : {}) }];
    } catch {
      return [];
    }
  });
}

export function managedLocks(managed: ManagedSettings): ManagedLocks {
  const settings: SettingKey[] = organisationWins.filter((key) => managed[key] !== undefined);
  if (managed.tokenSharingAllowed === false) settings.push('tokenSharing');
  if (managed.consoleBannerAllowed === false) settings.push('consoleBanner');
  if (managed.onlyListedPortals) settings.push('onlyListedPortals');
  return { settings, portals: managedPortals(managed).map((portal) => portal.origin) };
}

/** The settings in force: the organisation's values over the user's. */
export function withManaged(user: Settings, managed: ManagedSettings): Settings {
  const listed = managedPortals(managed);
  const isListed = (origin: string) => listed.some((portal) => portal.origin === origin);
  const own = managed.onlyListedPortals ? [] : user.portals.filter((portal) => !isListed(portal.origin));
  // An organisation's approval policy is for every portal: a user's exception for one would undo it.
  const ownEntries = managed.approvalPolicy ? own.map(({ origin, apiHost }) => ({ origin, ...(apiHost ? { apiHost } : {}) })) : own;
  const allowedFormats = managed.allowedFormats ?? defaults.allowedFormats;
  const won = Object.fromEntries(organisationWins.map((key) => [key, managed[key] ?? user[key]])) as Pick<Settings, OrganisationWins>;
  return {
    ...user,
    ...won,
    portals: [...listed, ...ownEntries],
    // Allowed only leaves the user's choice: the console host access the banner needs is the user's to grant.
    consoleBanner: managed.consoleBannerAllowed !== false && user.consoleBanner,
    onlyListedPortals: managed.onlyListedPortals ?? false,
    // Not allowed: no portal's session is handed out, and the switch is locked off (managedLocks).
    tokenSharing: managed.tokenSharingAllowed !== false ? user.tokenSharing.filter((origin) => !managed.onlyListedPortals || isListed(origin)) : [],
    allowedFormats,
    defaultFormat: allowedFormats.includes(user.defaultFormat) ? user.defaultFormat : (allowedFormats[0] ?? user.defaultFormat),
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Refuses `next` when it changes what the organisation set, before anything is written. */
function checkAllowed(next: Settings, inForce: Settings, managed: ManagedSettings): void {
  for (const key of [...organisationOnly, ...managedLocks(managed).settings]) {
    if (!same(next[key], inForce[key])) throw new ManagedSettingError('SET_BY_ORGANISATION', key);
  }
  if (!inForce.allowedFormats.includes(next.defaultFormat)) throw new ManagedSettingError('SET_BY_ORGANISATION', 'allowedFormats', next.defaultFormat);
  for (const portal of managedPortals(managed)) {
    if (!next.portals.some((entry) => same(entry, portal))) throw new ManagedSettingError('SET_BY_ORGANISATION', 'portals', portal.origin);
  }
  const unlisted = next.portals.find((entry) => !inForce.portals.some((portal) => portal.origin === entry.origin));
  if (managed.onlyListedPortals && unlisted) throw new ManagedSettingError('PORTAL_NOT_ALLOWED', 'portals', unlisted.origin);
}

/**
 * What to store when the settings in force become `next`: the user's own choices only, so
 * the organisation's values never reach storage.local and the user's return when the policy
 * goes. A value left as the organisation set it keeps the user's stored one. Throws
 * ManagedSettingError for a change the organisation does not allow.
 */
export function userPart(next: Settings, stored: Settings, managed: ManagedSettings): Settings {
  const inForce = withManaged(stored, managed);
  checkAllowed(next, inForce, managed);
  const kept = Object.fromEntries(Object.entries(next).map(([key, value]) => [key, same(value, inForce[key as SettingKey]) ? stored[key as SettingKey] : value]));
  const listed = managedPortals(managed).map((portal) => portal.origin);
  const own = next.portals.filter((portal) => !listed.includes(portal.origin));
  // The user's entries the organisation's hide (same origin, or every one under "only these") stay stored.
  const hidden = stored.portals.filter((portal) => listed.includes(portal.origin) || managed.onlyListedPortals);
  const ownApproval = (portal: PortalEntry) => stored.portals.find((entry) => entry.origin === portal.origin)?.approval;
  const ownEntries = managed.approvalPolicy ? own.map((portal) => ({ ...portal, ...withApproval(ownApproval(portal)) })) : own;
  const hiddenSharing = managed.onlyListedPortals ? stored.tokenSharing.filter((origin) => !listed.includes(origin)) : [];
  return SettingsSchema.parse({
    ...kept,
    portals: [...ownEntries, ...hidden],
    tokenSharing: same(next.tokenSharing, inForce.tokenSharing) ? stored.tokenSharing : [...next.tokenSharing, ...hiddenSharing],
  });
}

const withApproval = (approval: PortalEntry['approval']) => (approval ? { approval } : {});
