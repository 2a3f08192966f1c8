import type { TenantRow, ViewError } from '../worker-messages/protocol';
import { scopeKey, type Settings } from '../settings/settings';
import type { KnownTenants } from './known-tenants';

// One collator for every sort: String#localeCompare sets one up per call, twice as slow at 2,000 tenants.
const byName = new Intl.Collator().compare;

export interface RowExtras {
  readonly expiresAt: (scope: string) => string | undefined;
  readonly consoleUntil: (scope: string) => string | undefined;
  readonly error: (scope: string) => ViewError | undefined;
}

/**
 * The popup's rows in the order people reach for them: favorites, then the recently used,
 * then Admin and duplo-ops, then every tenant by name.
 */
export function portalRows(origin: string, known: KnownTenants | undefined, settings: Settings, extras: RowExtras): TenantRow[] {
  if (!known) return [];
  const base: Omit<TenantRow, 'favorite'>[] = [];
  if (known.admin === 'allowed') {
    base.push({ scope: 'admin', name: 'Admin', kind: 'admin' });
    if (known.duploOps) base.push({ scope: 'duplo-ops', name: 'duplo-ops', kind: 'duplo-ops' });
  }
  const tenants = [...known.tenants].sort((a, b) => byName(a.name, b.name));
  for (const tenant of tenants) base.push({ scope: tenant.id, name: tenant.name, kind: 'tenant', ...(tenant.plan ? { plan: tenant.plan } : {}) });

  const rank = (scope: string): number => {
    const key = scopeKey(origin, scope);
    const favorite = settings.favorites.indexOf(key);
    if (favorite >= 0) return favorite;
    const recent = settings.recents.indexOf(key);
    return recent >= 0 ? 1000 + recent : 2000;
  };
  return base
    .map((row, index) => ({ row, index, rank: rank(row.scope) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map(({ row }) => {
      const expiresAt = extras.expiresAt(row.scope);
      const error = extras.error(row.scope);
      const consoleUntil = extras.consoleUntil(row.scope);
      return {
        ...row,
        favorite: settings.favorites.includes(scopeKey(origin, row.scope)),
        ...(expiresAt ? { expiresAt } : {}),
        ...(consoleUntil ? { consoleUntil } : {}),
        ...(error ? { error } : {}),
      };
    });
}
