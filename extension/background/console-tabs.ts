import browser from 'webextension-polyfill';
import { planConsoleOpen, type PortalContext } from '../../src/worker';
import type { ConsoleRenewals } from './console-renewal';
import { groupConsoleTab } from './console-tab-groups';

async function focusTab(tabId: number): Promise<void> {
  const tab = await browser.tabs.update(tabId, { active: true });
  if (tab?.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
}

/**
 * Opens a scope's console as planned in src/worker/console-open.ts: focuses the tab of a live
 * multi-session console, or signs in in a new tab, which the registry then follows and whose
 * renewal is then scheduled.
 */
export async function openConsole(context: PortalContext, renewals: ConsoleRenewals, origin: string, scope: string, closeOldest = false): Promise<void> {
  const plan = await planConsoleOpen(context, origin, scope, closeOldest);
  if (plan.kind === 'focus') {
    try {
      await focusTab(plan.tabId);
      return;
    } catch {
      // The tab went away without the extension hearing of it: sign in afresh.
      await context.consoleTabs.forget([plan.tabId]);
      return openConsole(context, renewals, origin, scope, closeOldest);
    }
  }
  if (plan.close.length) await browser.tabs.remove([...plan.close]).catch(() => undefined);
  const tab = await browser.tabs.create({ url: plan.url, active: true });
  if (tab.id !== undefined) {
    const recorded = await plan.record(tab.id);
    await renewals.schedule(recorded);
    await groupConsoleTab(context, recorded, tab.windowId);
  }
  if (tab.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
}

/** Keeps the registry true to the tabs: added synchronously at start-up, so tab events wake the worker. */
export function watchConsoleTabs(context: PortalContext): void {
  browser.tabs.onRemoved.addListener((tabId) => void context.consoleTabs.forget([tabId]));
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.url) void context.consoleTabs.follow(tabId, change.url);
  });
}
