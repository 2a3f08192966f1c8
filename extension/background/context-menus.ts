import browser, { type Menus } from 'webextension-polyfill';
import { menuEntries, parseMenuItemId, popupView, toViewError, type PortalContext } from '../../src/worker';
import { loadSettings } from '../../src/settings/settings';
import { copyKeys, copyKubeconfig } from './copy-keys';
import { createMenus } from './create-menus';
import { createPageMenus } from './page-menus';

let rebuilding: Promise<void> = Promise.resolve();

/** Rebuilds the menu from the current view; called whenever sessions, tenants or favorites change. */
export function rebuildMenus(context: PortalContext): Promise<void> {
  rebuilding = rebuilding.then(async () => {
    const settings = await loadSettings(context.deps.disk);
    const pages = ['https://*.duplocloud.net/*', ...settings.portals.map((portal) => `${portal.origin}/*`)];
    await browser.contextMenus.removeAll();
    const view = await popupView(context);
    createMenus(menuEntries(view), { contexts: ['action', 'page'], documentUrlPatterns: pages });
    createPageMenus(view, settings.recents);
  });
  return rebuilding.catch(() => undefined);
}

/** What a click on a format runs: exposed to tests, which cannot click a context menu. */
export async function copyFromMenu(context: PortalContext, info: Pick<Menus.OnClickData, 'menuItemId'>): Promise<void> {
  const target = parseMenuItemId(info.menuItemId);
  if (!target) return;
  try {
    if (target.format === 'kubeconfig') await copyKubeconfig(context, target.origin, target.scope);
    else await copyKeys(context, target.origin, target.scope, target.format);
  } catch (error) {
    // A menu has nowhere to show words; the badge says it failed and the popup shows why.
    console.warn(`Copy ${target.format === 'kubeconfig' ? 'kubeconfig' : 'AWS keys'} failed: ${toViewError(error, target.origin).code}`);
  }
}
