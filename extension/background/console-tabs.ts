import browser from 'webextension-polyfill';
import { planConsoleOpen, type PortalContext } from '../../src/worker';
import type { ConsoleRenewals } from './console-renewal';
import { groupConsoleTab } from './console-tab-groups';

async function focusTab(tabId: number): Promise<void> {
  const tab = await browser.tabs.update(tabId, { active: true });
  if (tab?.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
}

export interface ConsoleOpenOptions {
  /** The user agreed to let the oldest of five multi-session consoles go. */
  readonly closeOldest?: boolean;
  /** A console page to land on ("Open this page in …") instead of the console home. */
  readonly page?: string;
  /** In the active tab rather than a new one, as the omnibox's plain Enter does for any address. */
  readonly here?: boolean;
}

/** Every way in (popup, omnibox, menus, shortcut) opens a console through this, so each tab is followed. */
export type OpenConsole = (origin: string, scope: string, options?: ConsoleOpenOptions) => Promise<void>;

async function signInTab(url: string, here: boolean): Promise<{ id?: number; windowId?: number }> {
  const [active] = here ? await browser.tabs.query({ active: true, lastFocusedWindow: true }) : [];
  if (active?.id !== undefined) return browser.tabs.update(active.id, { url });
  return browser.tabs.create({ url, active: true });
}

/**
 * Opens a scope's console as planned in src/worker/console-open.ts: focuses the tab of a live
 * multi-session console, or signs in in a tab, which the registry then follows and whose
 * renewal is then scheduled.
 */
export function consoleOpener(context: PortalContext, renewals: ConsoleRenewals): OpenConsole {
  const open: OpenConsole = async (origin, scope, options = {}) => {
    const plan = await planConsoleOpen(context, origin, scope, options.closeOldest ?? false, options.page ? { page: options.page } : {});
    if (plan.kind === 'focus') {
      try {
        await focusTab(plan.tabId);
        return;
      } catch {
        // The tab went away without the extension hearing of it: sign in afresh.
        await context.consoleTabs.forget([plan.tabId]);
        return open(origin, scope, options);
      }
    }
    if (plan.close.length) await browser.tabs.remove([...plan.close]).catch(() => undefined);
    const tab = await signInTab(plan.url, options.here ?? false);
    if (tab.id !== undefined) {
      const recorded = await plan.record(tab.id);
      await renewals.schedule(recorded);
      await groupConsoleTab(context, recorded, tab.windowId);
    }
    if (tab.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
  };
  return open;
}

/** Keeps the registry true to the tabs: added synchronously at start-up, so tab events wake the worker. */
export function watchConsoleTabs(context: PortalContext): void {
  browser.tabs.onRemoved.addListener((tabId) => void context.consoleTabs.forget([tabId]));
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.url) void context.consoleTabs.follow(tabId, change.url);
  });
}
