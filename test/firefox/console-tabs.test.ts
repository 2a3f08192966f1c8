import { describe, expect, it } from 'vitest';
import { useFirefoxConsole } from '../support/firefox-console';
import { clickOpenConsole, openConsoleFromFirefoxPopup, openFirefoxPopup } from '../support/firefox-portal';

const jitCalls = () => consoles.portal.issuedCredentials().length;
const signIns = () => consoles.portal.counters().federation ?? 0;
const multiSessionHost = '123456789012-abcd1234.us-east-1.console.aws.amazon.com';

const activeTabId = () =>
  consoles.hookPage.evaluate(async () => {
    const api = (globalThis as unknown as { browser: { tabs: { query(query: object): Promise<{ id?: number }[]> } } }).browser;
    return (await api.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id;
  });

const consoles = useFirefoxConsole({ settings: { multiSession: true } });
const { idOf, registry } = consoles;

describe('Firefox console tabs with AWS multi-session on', () => {
  it('focuses the live session of a tenant instead of signing in again, and forgets the tab once closed', { timeout: 90_000 }, async () => {
    const tab = await openConsoleFromFirefoxPopup(consoles.firefox, idOf('qa'));
    await expect.poll(async () => (await registry()).map(({ scope }) => scope), { timeout: 20_000 }).toEqual([idOf('qa')]);
    const { tabId } = (await registry())[0]!;
    const [jit, federation] = [jitCalls(), signIns()];

    // A tab between, so the popup's own closing (which activates its neighbour) cannot pass for a focus.
    const elsewhere = await consoles.firefox.browser.newPage();
    const popup = await openFirefoxPopup(consoles.firefox);
    let opened = 0;
    const onOpen = () => (opened += 1);
    consoles.firefox.browser.on('targetcreated', onOpen);
    expect(await activeTabId()).not.toBe(tabId);
    await clickOpenConsole(popup, idOf('qa'));
    await expect.poll(activeTabId, { timeout: 20_000 }).toBe(tabId);
    consoles.firefox.browser.off('targetcreated', onOpen);
    if (!popup.isClosed()) await popup.close();
    expect([opened, jitCalls(), signIns()]).toEqual([0, jit, federation]);
    await Promise.all([tab.close(), elsewhere.close()]);
    await expect.poll(registry, { timeout: 20_000 }).toEqual([]);
  });

  it('follows its tab onto a multi-session console host, and lets it go when it leaves AWS', { timeout: 90_000 }, async () => {
    const tab = await openConsoleFromFirefoxPopup(consoles.firefox, idOf('dev01'));
    await tab.goto(`https://${multiSessionHost}/console/home?region=us-east-1`);
    expect(await tab.$eval('#fake-console', (main) => main.getAttribute('data-host'))).toBe(multiSessionHost);
    await expect.poll(async () => (await registry()).map(({ sessionHost }) => sessionHost), { timeout: 20_000 }).toEqual([multiSessionHost]);
    await tab.goto('about:blank');
    await expect.poll(registry, { timeout: 20_000 }).toEqual([]);
    await tab.close();
  });
});
