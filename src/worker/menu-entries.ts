import { copyFormatLabels, copyFormats, type CopyFormat } from '../aws/copy-formats';
import type { CopyChoice, PopupView } from '../worker-messages/protocol';
import { readTaggedItemId, taggedItemId } from './menu-item-id';

export interface MenuEntry {
  readonly id: string;
  readonly title: string;
  readonly parentId?: string;
}

export interface MenuTarget {
  readonly origin: string;
  readonly scope: string;
  readonly format: CopyChoice;
}

export const menuRootId = 'copy-keys';
const maxScopes = 8;

/**
 * The "Copy AWS keys" menu: per signed-in portal, Admin (when allowed), favorites and recent
 * tenants, each with every format. A whole tenant list would not fit a context menu; the
 * popup has it.
 */
export function menuEntries(view: PopupView): MenuEntry[] {
  const portals = view.portals.filter((portal) => portal.session === 'signed-in');
  const entries: MenuEntry[] = [{ id: menuRootId, title: 'Copy AWS keys' }];
  for (const portal of portals) {
    const host = new URL(portal.origin).host;
    const portalId = portals.length > 1 ? `${menuRootId}|${portal.origin}` : menuRootId;
    if (portals.length > 1) entries.push({ id: portalId, title: host, parentId: menuRootId });
    const picked = portal.rows.filter((row, index) => row.kind === 'admin' || row.favorite || index < maxScopes).slice(0, maxScopes);
    for (const row of picked) {
      const rowId = `${portalId}|${row.scope}`;
      entries.push({ id: rowId, title: row.favorite ? `★ ${row.name}` : row.name, parentId: portalId });
      for (const format of view.copyFormats) {
        entries.push({ id: menuItemId({ origin: portal.origin, scope: row.scope, format }), title: copyFormatLabels[format], parentId: rowId });
      }
      if (row.kind === 'tenant') entries.push({ id: menuItemId({ origin: portal.origin, scope: row.scope, format: 'kubeconfig' }), title: 'Copy kubeconfig', parentId: rowId });
    }
  }
  return entries.length > 1 ? entries : [];
}

export function menuItemId(target: MenuTarget): string {
  return taggedItemId('copy', [target.origin, target.scope, target.format]);
}

export function parseMenuItemId(id: string | number): MenuTarget | undefined {
  const parts = readTaggedItemId(id, 'copy', 3);
  if (!parts) return undefined;
  const [origin = '', scope = '', format = ''] = parts;
  if (format === 'kubeconfig') return { origin, scope, format };
  return (copyFormats as readonly string[]).includes(format) ? { origin, scope, format: format as CopyFormat } : undefined;
}
