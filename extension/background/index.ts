import browser, { type Runtime } from 'webextension-polyfill';
import { createPortalContext } from '../../src/access';
import { isOffscreenRequest } from '../offscreen/offscreen-protocol';
import { copyFromMenu, rebuildMenus } from './context-menus';
import { handleRequest } from './handle-request';
import { observePortalTokens } from './observe-token';
import { storageArea } from './storage-area';

const context = createPortalContext({
  fetch: (url, init) => fetch(url, init),
  now: Date.now,
  memory: storageArea(browser.storage.session),
  disk: storageArea(browser.storage.local),
  hasHostPermission: (origin) => browser.permissions.contains({ origins: [`${origin}/*`] }),
});

// Every listener is added synchronously at start-up, so an event can wake a stopped worker.
observePortalTokens(context, () => void rebuildMenus(context));

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
  // Only the extension's own pages may ask; the offscreen document's messages are not for us.
  if (sender.id !== browser.runtime.id || isOffscreenRequest(message)) return undefined;
  return handleRequest(context, message, sender).finally(() => void rebuildMenus(context));
});

browser.contextMenus.onClicked.addListener((info, tab) => void copyFromMenu(context, info, tab));
browser.runtime.onInstalled.addListener(() => void rebuildMenus(context));
browser.runtime.onStartup.addListener(() => void rebuildMenus(context));

// Tests drive the context menu through the same handler a click runs (browser-testing.md).
Object.assign(globalThis, { duploJit: { copyFromMenu: (info: { menuItemId: string }) => copyFromMenu(context, info) } });
