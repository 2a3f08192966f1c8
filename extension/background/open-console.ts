import browser from 'webextension-polyfill';
import { consoleUrlFor, type ConsoleChoice, type PortalContext } from '../../src/worker';

/** Opens a scope's console in a new tab and brings its window forward: every opening path lands here. */
export async function openConsoleTab(context: PortalContext, origin: string, scope: string, choice: ConsoleChoice = {}): Promise<void> {
  const tab = await browser.tabs.create({ url: await consoleUrlFor(context, origin, scope, choice), active: true });
  if (tab.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
}
