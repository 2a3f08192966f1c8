import browser, { type Menus } from 'webextension-polyfill';
import type { MenuEntry } from '../../src/worker';

/** Creates a menu's items; its top item (the one without a parent) shows where `root` says. */
export function createMenus(entries: readonly MenuEntry[], root: Pick<Menus.CreateCreatePropertiesType, 'contexts' | 'documentUrlPatterns'>): void {
  for (const entry of entries) {
    browser.contextMenus.create({ id: entry.id, title: entry.title, ...(entry.parentId ? { parentId: entry.parentId } : root) });
  }
}
