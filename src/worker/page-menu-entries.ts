import { scopeKey } from '../settings/settings';
import type { PopupView } from '../worker-messages/protocol';
import type { MenuEntry } from './menu-entries';
import { readTaggedItemId, taggedItemId } from './menu-item-id';

export interface PageMenuTarget {
  readonly origin: string;
  readonly scope: string;
}

export const pageMenuRootId = 'open-page';
const maxScopes = 10;

/**
 * The "Open this page in …" menu of a console page: per signed-in portal, its favorites and
 * recently used tenants. Those are the tenants people switch between; the popup has the rest.
 */
export function pageMenuEntries(view: PopupView, recents: readonly string[]): MenuEntry[] {
  const portals = view.portals.filter((portal) => portal.session === 'signed-in');
  const entries: MenuEntry[] = [{ id: pageMenuRootId, title: 'Open this page in …' }];
  for (const portal of portals) {
    const parentId = portals.length > 1 ? `${pageMenuRootId}|${portal.origin}` : pageMenuRootId;
    const picked = portal.rows.filter((row) => row.favorite || recents.includes(scopeKey(portal.origin, row.scope))).slice(0, maxScopes);
    if (picked.length === 0) continue;
    if (portals.length > 1) entries.push({ id: parentId, title: new URL(portal.origin).host, parentId: pageMenuRootId });
    for (const row of picked) {
      entries.push({ id: pageMenuItemId({ origin: portal.origin, scope: row.scope }), title: row.favorite ? `★ ${row.name}` : row.name, parentId });
    }
  }
  return entries.length > 1 ? entries : [];
}

export function pageMenuItemId(target: PageMenuTarget): string {
  return taggedItemId('page', [target.origin, target.scope]);
}

export function parsePageMenuItemId(id: string | number): PageMenuTarget | undefined {
  const parts = readTaggedItemId(id, 'page', 2);
  if (!parts) return undefined;
  const [origin = '', scope = ''] = parts;
  return { origin, scope };
}
