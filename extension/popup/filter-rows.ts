import type { TenantRow } from '../../src/worker-messages/protocol';

/** Rows whose name or scope contains the query, ignoring case; the worker's order is kept. */
export function filterRows(rows: readonly TenantRow[], query: string): readonly TenantRow[] {
  const needle = query.trim().toLowerCase();
  if (!needle) return rows;
  return rows.filter((row) => row.name.toLowerCase().includes(needle) || row.scope.toLowerCase().includes(needle));
}

/**
 * The selection is kept as a scope rather than an index, so a refresh that reorders or adds
 * rows leaves the same tenant selected; an unknown scope falls back to the first row.
 */
export function selectedIndex(rows: readonly TenantRow[], scope: string | undefined): number {
  if (rows.length === 0) return -1;
  const index = rows.findIndex((row) => row.scope === scope);
  return index >= 0 ? index : 0;
}

/** The scope `step` rows away from the selected one, stopping at either end. */
export function moveSelection(rows: readonly TenantRow[], scope: string | undefined, step: number): string | undefined {
  if (rows.length === 0) return undefined;
  const next = Math.min(rows.length - 1, Math.max(0, selectedIndex(rows, scope) + step));
  return rows[next]?.scope;
}
