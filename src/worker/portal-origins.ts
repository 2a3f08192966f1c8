import { normalizePortalHost } from '../duplo/portal-host';
import type { PortalEntry, Settings } from '../settings/settings';

/** Portals under DuploCloud's own domain work with no set-up: the manifest grants them. */
export function isDuploCloudOrigin(origin: string): boolean {
  try {
    const url = new URL(origin);
    return url.protocol === 'https:' && url.hostname.endsWith('.duplocloud.net') && url.origin === origin;
  } catch {
    return false;
  }
}

/**
 * The portal an origin belongs to, or undefined when the user never chose it. Everything that
 * sends a token goes through here, so no page and no local program can point the extension
 * at a host of its own.
 */
export function findPortal(origin: string, settings: Settings): PortalEntry | undefined {
  const configured = settings.portals.find((portal) => portal.origin === origin);
  if (configured) return configured;
  // An organisation's "only these portals" turns off the built-in domain too (docs/managed-settings.md).
  return isDuploCloudOrigin(origin) && !settings.onlyListedPortals ? { origin } : undefined;
}

/** The portal whose API answers at `requestOrigin`: itself, or one with that API host. */
export function portalForApiOrigin(requestOrigin: string, settings: Settings): PortalEntry | undefined {
  return settings.portals.find((portal) => portal.apiHost === requestOrigin) ?? findPortal(requestOrigin, settings);
}

/** Validates what the user typed in the options page into a portal entry. Throws PortalError. */
export function portalEntry(origin: string, apiHost?: string): PortalEntry {
  const entry: PortalEntry = { origin: normalizePortalHost(origin) };
  if (apiHost?.trim()) entry.apiHost = normalizePortalHost(apiHost);
  return entry;
}
