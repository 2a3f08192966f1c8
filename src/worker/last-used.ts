import type { Settings } from '../settings/settings';

/** The tenant (or admin scope) whose console or keys were used last, from the recents list. */
export function lastUsedScope(settings: Pick<Settings, 'recents'>): { origin: string; scope: string } | undefined {
  const last = settings.recents[0];
  // A recent is `origin scope` (scopeKey): an origin has no space, a scope may not either.
  const space = last?.indexOf(' ') ?? -1;
  if (!last || space <= 0) return undefined;
  return { origin: last.slice(0, space), scope: last.slice(space + 1) };
}
