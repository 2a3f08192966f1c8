import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { consoleHostPatterns } from '../../src/aws/console-hosts';
import { useConsoleBrowser } from '../support/console-browser';
import { askWorker, openPopup, optionsUrl } from '../support/portal-browser';

const consoles = useConsoleBrowser({ hosts: consoleHostPatterns });
const { registry } = consoles;

const consoleHome = 'https://us-east-1.console.aws.amazon.com/console/home?region=us-east-1';
const banner = (page: Page) => page.locator('#duplo-jit-console-banner');


describe('the console banner', () => {
  it('is turned on in options, asking for the console host access', async () => {
    const options = await consoles.browser.context.newPage();
    await options.goto(optionsUrl);
    await options.locator('[data-testid="console-banner"]').check();
    await options.locator('[data-testid="save-settings"]').click();
    await options.locator('.status', { hasText: 'Saved' }).waitFor();
    const reply = await askWorker(options, { type: 'settings' });
    expect(reply.ok && reply.value.consoleBanner).toBe(true);
    await options.close();
  });

  it('names the portal and tenant on the console tab the extension opened, coloured by plan, and prefixes its title', { timeout: 90_000 }, async () => {
    const tab = await consoles.openFromPopup('payments-prod');
    await expect.poll(async () => (await registry()).length, { timeout: 20_000 }).toBe(1);

    await tab.goto(consoleHome);
    await expect.poll(() => banner(tab).getAttribute('data-text'), { timeout: 30_000 }).toBe(`payments-prod (prod) · ${new URL(consoles.portal.url).host}`);
    expect(await banner(tab).getAttribute('data-tone')).toBe('prod');
    await expect.poll(() => tab.title(), { timeout: 20_000 }).toBe('payments-prod | Console Home');
    // The console retitles itself as the user moves about; the prefix stays.
    await tab.evaluate(() => {
      document.title = 'S3';
    });
    await expect.poll(() => tab.title(), { timeout: 20_000 }).toBe('payments-prod | S3');

    // A console the user opened by themselves is not guessed at.
    const own = await consoles.browser.context.newPage();
    await own.goto(consoleHome);
    await tab.reload();
    await expect.poll(() => tab.title(), { timeout: 20_000 }).toBe('payments-prod | Console Home');
    expect([await banner(own).count(), await own.title()]).toEqual([0, 'Console Home']);
    await Promise.all([own.close(), tab.close()]);
  });
});

describe('console tab groups', () => {
  it('put the console tabs of one tenant into one group, named and coloured after it', { timeout: 90_000 }, async () => {
    const page = await openPopup(consoles.browser.context);
    expect((await askWorker(page, { type: 'save-settings', settings: { consoleTabGroups: true } })).ok).toBe(true);
    await page.close();
    // Without multi-session each open is a new sign-in in a new tab: both belong to one group.
    const tabs = [await consoles.openFromPopup('prod'), await consoles.openFromPopup('prod')];
    const groups = () =>
      consoles.browser.worker.evaluate(async () => {
        const grouped = (await chrome.tabs.query({})).filter((tab) => tab.groupId !== chrome.tabGroups.TAB_GROUP_ID_NONE);
        const ids = [...new Set(grouped.map((tab) => tab.groupId))];
        return Promise.all(ids.map(async (id) => ({ ...(await chrome.tabGroups.get(id)), tabs: grouped.filter((tab) => tab.groupId === id).length })));
      });
    await expect.poll(async () => (await groups()).map(({ title, color, tabs: count }) => [title, color, count]), { timeout: 20_000 }).toEqual([
      [`prod · ${new URL(consoles.portal.url).host}`, 'red', 2],
    ]);
    await Promise.all(tabs.map((tab) => tab.close()));
  });
});
