import browser from 'webextension-polyfill';
import { consoleUrlFor, type ConsoleChoice, type PortalContext } from '../../src/worker';

/** Opens a scope's console in a new tab and brings its window forward: every opening path lands here. */
export async function openConsoleTab(context: PortalContext, origin: string, scope: string, choice: ConsoleChoice = {}): Promise<void> {
  const tab = await browser.tabs.create({ url: await consoleUrlFor(context, origin, scope, choice), active: true });
  if (tab.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
}

/**
 * Opens a scope's console in the active tab, as the omnibox's plain Enter does for any address
 * typed there; a new tab when there is none to navigate.
 */
export async function openConsoleHere(context: PortalContext, origin: string, scope: string): Promise<void> {
  const url = await consoleUrlFor(context, origin, scope);
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  if (tab?.id === undefined) await browser.tabs.create({ url, active: true });
  else await browser.tabs.update(tab.id, { url });
}
