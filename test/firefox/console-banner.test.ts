import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { consoleHostPatterns } from '../../src/aws/console-hosts';
import { askFirefoxWorker } from '../support/firefox';
import { useFirefoxConsole } from '../support/firefox-console';
import { openConsoleFromFirefoxPopup } from '../support/firefox-portal';

const consoleHome = 'https://us-east-1.console.aws.amazon.com/console/home?region=us-east-1';
const bannerAttribute = (page: Page, name: string) => page.$eval('#duplo-jit-console-banner', (banner, attribute) => banner.getAttribute(attribute), name).catch(() => null);

// An optional permission's prompt cannot be answered headless; with this pref Firefox grants
// it inside the click with no prompt, as a user's "Allow" would (test/browser-facts.md).
const consoles = useFirefoxConsole({ prefs: { 'extensions.webextOptionalPermissionPrompts': false } });
const { idOf, registry } = consoles;

describe('the console banner in Firefox', () => {
  it('is turned on in options, which asks for and gets the console host access', { timeout: 60_000 }, async () => {
    const options = await consoles.firefox.openExtensionPage('extension/options/index.html');
    await options.click('[data-testid="console-banner"]');
    await options.click('[data-testid="save-settings"]');
    await expect.poll(() => options.$$eval('.status', (statuses) => statuses.map((status) => status.textContent)), { timeout: 20_000 }).toContain('Saved');
    const granted = await options.evaluate((origins) => {
      const api = (globalThis as unknown as { browser: { permissions: { contains(asked: { origins: string[] }): Promise<boolean> } } }).browser;
      return api.permissions.contains({ origins });
    }, [...consoleHostPatterns]);
    const reply = await askFirefoxWorker(options, { type: 'settings' });
    expect([granted, reply.ok && reply.value.consoleBanner]).toEqual([true, true]);
    await options.close();
  });

  it('names the prod tenant and its portal on the console tab the add-on opened, and prefixes its title', { timeout: 90_000 }, async () => {
    const tab = await openConsoleFromFirefoxPopup(consoles.firefox, idOf('payments-prod'));
    await expect.poll(async () => (await registry()).length, { timeout: 20_000 }).toBe(1);

    await tab.goto(consoleHome);
    await expect.poll(() => bannerAttribute(tab, 'data-text'), { timeout: 30_000 }).toBe(`payments-prod (prod) · ${new URL(consoles.portal.url).host}`);
    expect(await bannerAttribute(tab, 'data-tone')).toBe('prod');
    await expect.poll(() => tab.title(), { timeout: 20_000 }).toBe('payments-prod | Console Home');
    // The console retitles itself as the user moves about; the prefix stays.
    await tab.evaluate(() => {
      document.title = 'S3';
    });
    await expect.poll(() => tab.title(), { timeout: 20_000 }).toBe('payments-prod | S3');

    // A console the user opened by themselves is not guessed at.
    const own = await consoles.firefox.browser.newPage();
    await own.goto(consoleHome);
    await tab.reload();
    await expect.poll(() => tab.title(), { timeout: 20_000 }).toBe('payments-prod | Console Home');
    expect([await own.$('#duplo-jit-console-banner'), await own.title()]).toEqual([null, 'Console Home']);
    await Promise.all([own.close(), tab.close()]);
  });
});
