import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoPortal, type DemoPortal } from '../portal/index';
import type { FirefoxWithExtension } from '../support/firefox';
import { startFirefoxConsole } from '../support/firefox-console';
import { firefoxConsoleTabs } from '../support/firefox-hook';
import { clickOpenConsole, openConsoleFromFirefoxPopup, openFirefoxPopup } from '../support/firefox-portal';

let portal: DemoPortal;
let close: (() => Promise<void>) | undefined;
let firefox: FirefoxWithExtension;
/** An add-on page kept open to reach the background and the tabs API from. */
let hookPage: Page;

const idOf = (name: string) => portal.tenants.find((tenant) => tenant.name === name)!.id;
const jitCalls = () => portal.issuedCredentials().length;
const signIns = () => portal.counters().federation ?? 0;
const multiSessionHost = '123456789012-abcd1234.us-east-1.console.aws.amazon.com';

const registry = () => firefoxConsoleTabs(hookPage);
const activeTabId = () =>
  hookPage.evaluate(async () => {
    const api = (globalThis as unknown as { browser: { tabs: { query(query: object): Promise<{ id?: number }[]> } } }).browser;
    return (await api.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id;
  });

beforeAll(async () => {
  portal = await startDemoPortal();
  ({ firefox, close } = await startFirefoxConsole(portal, { multiSession: true }));
  hookPage = await firefox.openExtensionPage('extension/options/index.html');
}, 90_000);
afterAll(async () => {
  await close?.();
  await portal?.stop();
});

describe('Firefox console tabs with AWS multi-session on', () => {
  it('focuses the live session of a tenant instead of signing in again, and forgets the tab once closed', { timeout: 90_000 }, async () => {
    const tab = await openConsoleFromFirefoxPopup(firefox, idOf('qa'));
    await expect.poll(async () => (await registry()).map(({ scope }) => scope), { timeout: 20_000 }).toEqual([idOf('qa')]);
    const { tabId } = (await registry())[0]!;
    const [jit, federation] = [jitCalls(), signIns()];

    // A tab between, so the popup's own closing (which activates its neighbour) cannot pass for a focus.
    const elsewhere = await firefox.browser.newPage();
    const popup = await openFirefoxPopup(firefox);
    let opened = 0;
    const onOpen = () => (opened += 1);
    firefox.browser.on('targetcreated', onOpen);
    expect(await activeTabId()).not.toBe(tabId);
    await clickOpenConsole(popup, idOf('qa'));
    await expect.poll(activeTabId, { timeout: 20_000 }).toBe(tabId);
    firefox.browser.off('targetcreated', onOpen);
    if (!popup.isClosed()) await popup.close();
    expect([opened, jitCalls(), signIns()]).toEqual([0, jit, federation]);
    await Promise.all([tab.close(), elsewhere.close()]);
    await expect.poll(registry, { timeout: 20_000 }).toEqual([]);
  });

  it('follows its tab onto a multi-session console host, and lets it go when it leaves AWS', { timeout: 90_000 }, async () => {
    const tab = await openConsoleFromFirefoxPopup(firefox, idOf('dev01'));
    await tab.goto(`https://${multiSessionHost}/console/home?region=us-east-1`);
    expect(await tab.$eval('#fake-console', (main) => main.getAttribute('data-host'))).toBe(multiSessionHost);
    await expect.poll(async () => (await registry()).map(({ sessionHost }) => sessionHost), { timeout: 20_000 }).toEqual([multiSessionHost]);
    await tab.goto('about:blank');
    await expect.poll(registry, { timeout: 20_000 }).toEqual([]);
    await tab.close();
  });
});
