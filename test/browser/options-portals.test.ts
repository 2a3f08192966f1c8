import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoPortal, type DemoPortal } from '../portal/index';
import { launchWithExtension, type LoadedExtension } from '../support/chromium';
import { askWorker, keysInWorker, optionsUrl, signInOnPortal } from '../support/portal-browser';
import { selfSignedCertificate } from '../support/self-signed';
import { authorizeSignIn } from '../support/sign-in-browser';

/**
 * The options page's list of every portal the extension knows, one of each kind. One demo
 * portal over TLS answers as every *.duplocloud.net name (Chromium maps them all to it); a
 * page of each name has its own login, so each is its own portal to the extension.
 */
let home: DemoPortal;
let cloud: DemoPortal;
let browser: LoadedExtension;
let page: Page;
const at = (name: string) => `https://${name}.duplocloud.net`;

beforeAll(async () => {
  home = await startDemoPortal();
  cloud = await startDemoPortal({ tls: { name: 'sso.duplocloud.net', ...(await selfSignedCertificate('*.duplocloud.net')) } });
  browser = await launchWithExtension({ extraArgs: ['--ignore-certificate-errors', `--host-resolver-rules=MAP *.duplocloud.net ${cloud.listening}`] });
  page = await browser.context.newPage();
  await page.goto(optionsUrl);
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await Promise.all([home?.stop(), cloud?.stop()]);
});

/** A person signing in on the portal's own page at `origin`: the extension only sees it. */
async function signInOnPage(origin: string): Promise<void> {
  await (await signInOnPortal(browser.context, { ...cloud, url: origin }, 'admin')).close();
}

/** Each listed portal as the user reads it: its name line and its state line, and its buttons. */
const listed = () =>
  page.locator('[data-testid="portal"]').evaluateAll((items) =>
    items.map((item) => [
      item.querySelector('.portal-origin')?.textContent,
      item.querySelector('[data-testid="portal-state"]')?.textContent,
      [...item.querySelectorAll('button')].map((button) => button.textContent).join(' | '),
    ]),
  );
const item = (origin: string) => page.locator(`[data-testid="portal"][data-origin="${origin}"]`);
const sessionKeys = async () => Object.keys(((await browser.worker.evaluate(() => chrome.storage.session.get('sessions'))) as { sessions?: object }).sessions ?? {});

describe('the options page lists every portal the extension knows', () => {
  it('one of each kind, with its session state', { timeout: 90_000 }, async () => {
    // Added here, then signed in on its page.
    await page.locator('[data-testid="portal-origin"]').fill(home.url);
    await page.locator('[data-testid="add-portal"]').click();
    await expect.poll(() => page.locator('[data-testid="add-portal-status"]').textContent()).toContain('Added.');
    await signInOnPortal(browser.context, home, 'admin').then((tab) => tab.close());
    // Signed in through the extension: the portal's verify-token page and the handoff.
    const [tab] = await Promise.all([browser.context.waitForEvent('page'), askWorker(page, { type: 'sign-in', origin: at('sso') })]);
    await authorizeSignIn(tab, cloud);
    // A token pasted here.
    await page.locator('[data-testid="token-origin"]').fill(at('paste'));
    await page.locator('[data-testid="token"]').fill(cloud.login('dev@duplo.demo'));
    await page.locator('[data-testid="paste-token"]').click();
    await expect.poll(() => page.locator('[data-testid="paste-token-status"]').textContent()).toBe('Signed in. Your tenants appear in the popup.');
    // Only seen: two pages that called their API; the user confirms one below.
    await signInOnPage(at('acme'));
    await signInOnPage(at('evil'));
    await expect.poll(sessionKeys, { timeout: 10_000 }).toEqual(expect.arrayContaining([at('acme'), at('evil')]));

    await page.reload();
    await item(at('acme')).locator('[data-testid="portal-confirm"]').click();
    await expect.poll(() => page.locator('[data-testid="portals-status"]').textContent()).toBe('acme.duplocloud.net is in use: its tenants appear in the popup.');
    expect(await listed()).toEqual([
      [home.url, 'Added here signed in', 'Forget session | Remove'],
      [at('acme'), 'Seen in a tab, confirmed signed in', 'Forget session | Remove'],
      ['seen: evil.duplocloud.net — use it?', 'Seen in a tab, waiting for you its token is not used until you confirm it', 'Use it | Remove'],
      [at('paste'), 'Token pasted here signed in', 'Forget session | Remove'],
      [at('sso'), 'Signed in through the extension signed in', 'Forget session | Remove'],
    ]);
    await mkdir('test-results', { recursive: true });
    await page.setViewportSize({ width: 900, height: 900 });
    await page.locator('#portals-title').locator('..').screenshot({ path: 'test-results/options-portals.png' });
  });

  it('confirms, forgets and removes each, dropping the session and its keys', { timeout: 60_000 }, async () => {
    await item(at('evil')).locator('[data-testid="portal-confirm"]').click();
    await expect.poll(() => item(at('evil')).getAttribute('data-standing')).toBe('confirmed');

    const keys = await askWorker(page, { type: 'copy-keys', origin: at('acme'), scope: 'admin' });
    expect(keys.ok).toBe(true);
    expect(await keysInWorker(browser.worker, 'memory')).toContain(`credentials:${at('acme')} admin`);
    await item(at('acme')).locator('[data-testid="portal-forget"]').click();
    await expect.poll(() => item(at('acme')).getAttribute('data-session')).toBe('signed-out');
    expect(await page.locator('[data-testid="portals-status"]').textContent()).toBe('Signed out of acme.duplocloud.net; its keys were dropped.');
    expect(await keysInWorker(browser.worker, 'memory')).not.toContain(`credentials:${at('acme')} admin`);
    expect(await sessionKeys()).not.toContain(at('acme'));

    for (const origin of [at('sso'), at('paste'), at('acme'), home.url]) {
      await item(origin).locator('[data-testid="portal-remove"]').click();
      await expect.poll(() => item(origin).count()).toBe(0);
      expect(await page.locator('[data-testid="portals-status"]').textContent()).toBe(`Removed ${origin}.`);
    }
    expect((await listed()).map(([origin]) => origin)).toEqual([at('evil')]);
    expect(await sessionKeys()).toEqual([at('evil')]);
    const settings = await askWorker(page, { type: 'settings' });
    expect(settings.ok && settings.value.portals).toEqual([]);
  });
});
