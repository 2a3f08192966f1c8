import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleHostPatterns } from '../../src/aws/console-hosts';
import { startDemoPortal, type DemoPortal } from '../portal/index';
import { launchWithExtension, type LoadedExtension } from '../support/chromium';
import { extensionWithHosts } from '../support/extension-with-hosts';
import { startFakeConsole, type FakeConsole } from '../support/fake-console';
import { addPortal, askWorker, openPopup, optionsUrl, popupAction, readInWorker, signInOnPortal } from '../support/portal-browser';

let portal: DemoPortal;
let fake: FakeConsole;
let copy: Awaited<ReturnType<typeof extensionWithHosts>>;
let browser: LoadedExtension;

const idOf = (name: string) => portal.tenants.find((tenant) => tenant.name === name)!.id;
const consoleHome = 'https://us-east-1.console.aws.amazon.com/console/home?region=us-east-1';
const banner = (page: Page) => page.locator('#duplo-jit-console-banner');

beforeAll(async () => {
  portal = await startDemoPortal();
  fake = await startFakeConsole();
  copy = await extensionWithHosts(consoleHostPatterns);
  browser = await launchWithExtension({ extensionDir: copy.dir, extraArgs: ['--ignore-certificate-errors', `--host-resolver-rules=MAP *.console.aws.amazon.com ${fake.listening}`] });
  expect(await addPortal(browser.context, portal)).toBe(true);
  await signInOnPortal(browser.context, portal, 'admin');
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await Promise.all([portal?.stop(), fake?.stop(), copy?.remove()]);
});

describe('the console banner', () => {
  it('is turned on in options, asking for the console host access', async () => {
    const options = await browser.context.newPage();
    await options.goto(optionsUrl);
    await options.locator('[data-testid="console-banner"]').check();
    await options.locator('[data-testid="save-settings"]').click();
    await options.locator('.status', { hasText: 'Saved' }).waitFor();
    const reply = await askWorker(options, { type: 'settings' });
    expect(reply.ok && reply.value.consoleBanner).toBe(true);
    await options.close();
  });

  it('names the portal and tenant on the console tab the extension opened, coloured by plan, and prefixes its title', { timeout: 90_000 }, async () => {
    const popup = await openPopup(browser.context);
    const row = popup.locator(`[data-testid="row"][data-scope="${idOf('payments-prod')}"]`);
    const [tab] = await Promise.all([browser.context.waitForEvent('page', { timeout: 30_000 }), popupAction(row.locator('[data-testid="open-console"]').click())]);
    await expect.poll(() => tab.locator('main#console').getAttribute('data-tenant'), { timeout: 30_000 }).toBe('payments-prod');
    await expect.poll(async () => ((await readInWorker(browser.worker, 'memory', 'consoleTabs')) as unknown[] | undefined)?.length, { timeout: 20_000 }).toBe(1);

    await tab.goto(consoleHome);
    await expect.poll(() => banner(tab).getAttribute('data-text'), { timeout: 30_000 }).toBe(`payments-prod (prod) · ${new URL(portal.url).host}`);
    expect(await banner(tab).getAttribute('data-tone')).toBe('prod');
    await expect.poll(() => tab.title(), { timeout: 20_000 }).toBe('payments-prod | Console Home');
    // The console retitles itself as the user moves about; the prefix stays.
    await tab.evaluate(() => {
      document.title = 'S3';
    });
    await expect.poll(() => tab.title(), { timeout: 20_000 }).toBe('payments-prod | S3');

    // A console the user opened by themselves is not guessed at.
    const own = await browser.context.newPage();
    await own.goto(consoleHome);
    await tab.reload();
    await expect.poll(() => tab.title(), { timeout: 20_000 }).toBe('payments-prod | Console Home');
    expect([await banner(own).count(), await own.title()]).toEqual([0, 'Console Home']);
    await Promise.all([own.close(), tab.close()]);
  });
});

describe('console tab groups', () => {
  it('put the console tabs of one tenant into one group, named and coloured after it', { timeout: 90_000 }, async () => {
    const page = await openPopup(browser.context);
    expect((await askWorker(page, { type: 'save-settings', settings: { consoleTabGroups: true } })).ok).toBe(true);
    await page.close();
    const open = async () => {
      const popup = await openPopup(browser.context);
      const row = popup.locator(`[data-testid="row"][data-scope="${idOf('prod')}"]`);
      const [tab] = await Promise.all([browser.context.waitForEvent('page', { timeout: 30_000 }), popupAction(row.locator('[data-testid="open-console"]').click())]);
      await expect.poll(() => tab.locator('main#console').getAttribute('data-tenant'), { timeout: 30_000 }).toBe('prod');
      return tab;
    };
    // Without multi-session each open is a new sign-in in a new tab: both belong to one group.
    const tabs = [await open(), await open()];
    const groups = () =>
      browser.worker.evaluate(async () => {
        const grouped = (await chrome.tabs.query({})).filter((tab) => tab.groupId !== chrome.tabGroups.TAB_GROUP_ID_NONE);
        const ids = [...new Set(grouped.map((tab) => tab.groupId))];
        return Promise.all(ids.map(async (id) => ({ ...(await chrome.tabGroups.get(id)), tabs: grouped.filter((tab) => tab.groupId === id).length })));
      });
    await expect.poll(async () => (await groups()).map(({ title, color, tabs: count }) => [title, color, count]), { timeout: 20_000 }).toEqual([
      [`prod · ${new URL(portal.url).host}`, 'red', 2],
    ]);
    await Promise.all(tabs.map((tab) => tab.close()));
  });
});
