import * as z from 'zod/mini';
import { scopeKey } from '../settings/settings';
import { TenantConsoleDefaultSchema, type TenantConsoleDefault } from '../settings/tenant-console-default';
import type { KeyValueArea } from '../storage/key-value';

export type { TenantConsoleDefault };

const StoredSchema = z.record(z.string(), TenantConsoleDefaultSchema);

/** In storage.local beside the settings: tenant IDs, region and service names, nothing secret. */
const storageKey = 'console-defaults';
const none: TenantConsoleDefault = { region: '', service: '' };

async function loadAll(area: KeyValueArea): Promise<Record<string, TenantConsoleDefault>> {
  const parsed = StoredSchema.safeParse(await area.get(storageKey));
  // A damaged value is dropped rather than trusted, as the settings are.
  return parsed.success ? parsed.data : {};
}

/** The region and service a tenant's console opens on, set from its row in the popup. */
export async function tenantConsoleDefault(area: KeyValueArea, origin: string, scope: string): Promise<TenantConsoleDefault> {
  return (await loadAll(area))[scopeKey(origin, scope)] ?? none;
}

/** Stores a tenant's choice; both empty forgets it. */
export async function setTenantConsoleDefault(area: KeyValueArea, origin: string, scope: string, choice: TenantConsoleDefault): Promise<TenantConsoleDefault> {
  const key = scopeKey(origin, scope);
  const rest = Object.entries(await loadAll(area)).filter(([stored]) => stored !== key);
  const kept = choice.region || choice.service ? { region: choice.region, service: choice.service } : undefined;
  await area.set(storageKey, Object.fromEntries(kept ? [...rest, [key, kept]] : rest));
  return kept ?? none;
}

/** Drops every tenant choice of a portal, when the portal itself is removed. */
export async function forgetConsoleDefaults(area: KeyValueArea, origin: string): Promise<void> {
  const all = await loadAll(area);
  await area.set(storageKey, Object.fromEntries(Object.entries(all).filter(([key]) => !key.startsWith(scopeKey(origin, '')))));
}
