import type { Page } from 'puppeteer-core';
import type { DuploJitTestHook } from './portal-browser';

/** What a test asks of the background page's `duploJit` hook (extension/background/index.ts). */
export type FirefoxHookCall = { read: 'memory' | 'disk'; key: string } | { renewLeadMs: number } | { renewConsole: string };

/**
 * Runs one call on the background page's test hook, reached from an add-on page with
 * runtime.getBackgroundPage: Firefox's background is a page, not a worker (test/browser-facts.md).
 */
export function onFirefoxBackground(page: Page, call: FirefoxHookCall): Promise<unknown> {
  return page.evaluate(async (asked) => {
    const api = (globalThis as unknown as { browser: { runtime: { getBackgroundPage(): Promise<Window> } } }).browser;
    const hook = ((await api.runtime.getBackgroundPage()) as unknown as DuploJitTestHook).duploJit;
    if ('read' in asked) return hook.storage[asked.read].get(asked.key);
    if ('renewLeadMs' in asked) hook.renewLimits.leadMs = asked.renewLeadMs;
    else await hook.renewConsole(asked.renewConsole);
    return undefined;
  }, call);
}

/** The console tabs the add-on follows, as its background keeps them (storage.session). */
export async function firefoxConsoleTabs<Entry>(page: Page): Promise<Entry[]> {
  return ((await onFirefoxBackground(page, { read: 'memory', key: 'consoleTabs' })) ?? []) as Entry[];
}
