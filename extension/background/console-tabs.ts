import browser from 'webextension-polyfill';
import { planConsoleOpen, type PortalContext, type SessionEnd } from '../../src/worker';
import type { ConsoleRenewals } from './console-renewal';
import { groupConsoleTab } from './console-tab-groups';
import { loadInTab } from './tab-load';

// AWS's sign-out answers within a second or two; past this the tabs are closed regardless.
const signOutLimitMs = 15_000;

async function focusTab(tabId: number): Promise<void> {
  const tab = await browser.tabs.update(tabId, { active: true });
  if (tab?.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
}

export interface ConsoleOpenOptions {
  /** The user agreed to sign out the oldest of five multi-session consoles. */
  readonly endOldest?: boolean;
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

/** Signs the oldest session out on its own host, so AWS stops counting it, then closes its tabs. */
async function endSession(end: SessionEnd): Promise<void> {
  if (end.signOut) await loadInTab(end.signOut.tabId, end.signOut.url, signOutLimitMs);
  await browser.tabs.remove([...end.tabIds]).catch(() => undefined);
}

/**
 * Opens a scope's console as planned in src/worker/console-open.ts: focuses the tab of a live
 * multi-session console, or opens a tab (a sign-in, or a page on a live session's host), which
 * the registry then follows and whose renewal is then scheduled.
 */
export function consoleOpener(context: PortalContext, renewals: ConsoleRenewals): OpenConsole {
  const open: OpenConsole = async (origin, scope, options = {}) => {
    const plan = await planConsoleOpen(context, origin, scope, options.endOldest ?? false, options.page ? { page: options.page } : {});
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
    if (plan.end) await endSession(plan.end);
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
