import type { Page } from 'puppeteer-core';
import type { ConsoleTab, OmniboxSuggestion } from '../../src/worker';
import type { DuploJitTestHook } from './portal-browser';

/** What the background page puts on `duploJit` (extension/background/index.ts) that the Firefox tests call. */
type FirefoxHook = DuploJitTestHook['duploJit'] & {
  omniboxSuggest(text: string): Promise<OmniboxSuggestion[]>;
  omniboxEnter(text: string, disposition: string): Promise<void>;
  runCommand(command: string): Promise<void>;
};

/** One call on the hook: the context menu's, the omnibox's and the shortcut's handlers, a stored value, the renewal's lead and its click. */
export type FirefoxHookCall =
  | { copyMenu: string }
  | { suggest: string }
  | { enter: string; disposition: string }
  | { command: string }
  | { read: 'memory' | 'disk'; key: string }
  | { renewLeadMs: number }
  | { renewConsole: string };

/**
 * Runs one call on the background page's test hook, reached from an add-on page with
 * runtime.getBackgroundPage: Firefox's background is a page, not a worker (test/browser-facts.md).
 */
export function onFirefoxBackground(page: Page, call: FirefoxHookCall): Promise<unknown> {
  return page.evaluate(async (asked) => {
    const api = (globalThis as unknown as { browser: { runtime: { getBackgroundPage(): Promise<Window> } } }).browser;
    const hook = ((await api.runtime.getBackgroundPage()) as unknown as { duploJit: FirefoxHook }).duploJit;
    if ('suggest' in asked) return hook.omniboxSuggest(asked.suggest);
    if ('read' in asked) return hook.storage[asked.read].get(asked.key);
    if ('enter' in asked) await hook.omniboxEnter(asked.enter, asked.disposition);
    else if ('copyMenu' in asked) await hook.copyFromMenu({ menuItemId: asked.copyMenu });
    else if ('command' in asked) await hook.runCommand(asked.command);
    else if ('renewLeadMs' in asked) hook.renewLimits.leadMs = asked.renewLeadMs;
    else await hook.renewConsole(asked.renewConsole);
    return undefined;
  }, call);
}

/** The console tabs the add-on follows, as its background keeps them (storage.session). */
export async function firefoxConsoleTabs(page: Page): Promise<ConsoleTab[]> {
  return ((await onFirefoxBackground(page, { read: 'memory', key: 'consoleTabs' })) ?? []) as ConsoleTab[];
}
