import type { Menus, Tabs } from 'webextension-polyfill';
import { consoleHostPatterns } from '../../src/aws/console-hosts';
import { pageMenuEntries, parsePageMenuItemId, toViewError } from '../../src/worker';
import type { PopupView } from '../../src/worker-messages/protocol';
import type { OpenConsole } from './console-tabs';
import { createMenus } from './create-menus';

/** Adds "Open this page in …" to AWS console pages only; called by rebuildMenus after it cleared every item. */
export function createPageMenus(view: PopupView, recents: readonly string[]): void {
  createMenus(pageMenuEntries(view, recents), { contexts: ['page'], documentUrlPatterns: [...consoleHostPatterns] });
}

/** What a click on a tenant of that menu runs: exposed to tests, which cannot click a context menu. */
export async function openFromPageMenu(open: OpenConsole, info: Pick<Menus.OnClickData, 'menuItemId' | 'pageUrl'>, tab: Pick<Tabs.Tab, 'url'> | undefined): Promise<void> {
  const target = parsePageMenuItemId(info.menuItemId);
  const page = info.pageUrl ?? tab?.url;
  if (!target || !page) return;
  try {
    await open(target.origin, target.scope, { page });
  } catch (error) {
    // A menu has nowhere to show words; the code is enough to tell what failed, and holds no secret.
    console.warn(`Open this page in another tenant failed: ${toViewError(error, target.origin).code}`);
  }
}
