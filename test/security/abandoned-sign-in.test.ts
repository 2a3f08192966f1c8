import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handoffPort } from '../../src/worker/handoff';
import { startDemoPortal, type DemoPortal } from '../portal/index';
import { launchWithExtension, type LoadedExtension } from '../support/chromium';
import { askWorker } from '../support/portal-browser';
import { addPortal, allRules, logInForSignIn, setSignInTimeLimit, startSignIn } from '../support/sign-in-browser';

/**
 * A sign-in the user walked away from must not stay armed: once it ends, the tab that was
 * opened for it (or any other) sending the handoff address a token plants nothing. The
 * planted token is a real one of a low-privilege co-user of the same portal.
 */
let portal: DemoPortal;
let browser: LoadedExtension;
let options: Page;
let evil: Server;
let evilOrigin = '';
let attackerToken = '';

beforeAll(async () => {
  // `/plant` sends the tab to the handoff address with the attacker's token as soon as it loads.
  evil = createServer((request, response) => {
    const script = request.url === '/plant' ? `<script>location.replace(${JSON.stringify(attackUrl())})</script>` : '';
    response.writeHead(200, { 'content-type': 'text/html' }).end(`<!doctype html><title>evil</title><p>evil${script}`);
  });
  await new Promise<void>((resolve) => evil.listen(0, '127.0.0.1', resolve));
  evilOrigin = `http://127.0.0.1:${(evil.address() as AddressInfo).port}`;
  portal = await startDemoPortal();
  attackerToken = portal.login('dev@duplo.demo');
  browser = await launchWithExtension();
  options = await addPortal(browser.context, portal.url);
}, 30_000);
afterAll(async () => {
  await browser?.close();
  await portal?.stop();
  await new Promise((resolve) => evil?.close(resolve));
});

const attackUrl = () => `http://localhost:${handoffPort}/?t=${encodeURIComponent(attackerToken)}`;

/**
 * The page navigates itself to the handoff address with the attacker's token, as a script of
 * a later page in the tab would, and the test waits for where that lands: an error page (no
 * rule, nothing listening), or the tab closing (the old handoff page took the token).
 */
async function plant(page: Page): Promise<void> {
  const errorPage = page.waitForURL((url) => url.href.startsWith(`http://localhost:${handoffPort}/`), { waitUntil: 'commit' }).catch((error: unknown) => {
    // Playwright reports the error page (nothing listens on the port) as the wait failing.
    if (!(error instanceof Error && error.message.includes('net::ERR_'))) throw error;
  });
  const landed = Promise.race([page.waitForEvent('close'), errorPage]);
  await page.evaluate((url) => void setTimeout(() => location.assign(url), 0), attackUrl());
  await landed;
}

async function expectNothingPlanted(systemCallsBefore: number): Promise<void> {
  expect(portal.counters()['v3/features/system'] ?? 0).toBe(systemCallsBefore);
  const stored = await browser.worker.evaluate(async () => JSON.stringify([await chrome.storage.session.get(null), await chrome.storage.local.get(null)]));
  expect(stored).not.toContain(attackerToken);
  const state = await askWorker(options, { type: 'state' });
  expect(state.ok && state.value.portals.find((view) => view.origin === portal.url)?.session).toBe('signed-out');
}

const noRules = () => expect.poll(() => allRules(browser.worker), { timeout: 15_000 }).toEqual([]);

describe('a sign-in that is not completed', () => {
  it('holds no redirect rule of any kind while no sign-in is pending', async () => {
    expect(await allRules(browser.worker)).toEqual([]);
    expect(await browser.worker.evaluate(() => 'declarative_net_request' in chrome.runtime.getManifest())).toBe(false);
  });

  it('ends when its tab closes: its rule is gone and the handoff address plants nothing', async () => {
    const before = portal.counters()['v3/features/system'] ?? 0;
    const tab = await startSignIn(browser.context, options, portal.url);
    await tab.locator('#username').waitFor();
    // Its redirect of the handoff navigation, and its block of anything else sent to the handoff port.
    expect(await allRules(browser.worker)).toHaveLength(2);
    await tab.close();
    await noRules();
    const later = await browser.context.newPage();
    await later.goto(`${portal.url}/app/login`);
    await plant(later);
    await expectNothingPlanted(before);
    await later.close();
  });

  it('ends when its tab goes to another origin: a page there plants nothing through the handoff address', async () => {
    const before = portal.counters()['v3/features/system'] ?? 0;
    const tab = await startSignIn(browser.context, options, portal.url);
    await tab.locator('#username').waitFor();
    await tab.goto(`${evilOrigin}/`);
    await noRules();
    await plant(tab);
    await expectNothingPlanted(before);
    await tab.close();
  });

  it('ends at its time limit: its rule is gone and its own tab, still on the portal, plants nothing', { timeout: 40_000 }, async () => {
    const before = portal.counters()['v3/features/system'] ?? 0;
    await setSignInTimeLimit(browser.worker, 2_000);
    try {
      const tab = await startSignIn(browser.context, options, portal.url);
      await tab.locator('#username').waitFor();
      await noRules();
      await plant(tab);
      await expectNothingPlanted(before);
      await tab.close();
    } finally {
      await setSignInTimeLimit(browser.worker, 5 * 60_000);
    }
  });

  it('still completes when the worker was stopped while the user logged in: the handoff wakes it, and only that sign-in ends', { timeout: 40_000 }, async () => {
    const tab = await startSignIn(browser.context, options, portal.url);
    const other = await startSignIn(browser.context, options, portal.url);
    await logInForSignIn(tab, portal);
    const cdp = await browser.context.newCDPSession(options);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await Promise.all([tab.waitForEvent('close'), tab.click('#authorize')]);
    const state = await askWorker(options, { type: 'state' });
    expect(state.ok && state.value.portals.find((view) => view.origin === portal.url)?.session).toBe('signed-in');
    // The other tab's sign-in is still pending, with its own rules; closing it ends it.
    expect(await allRules(browser.worker)).toHaveLength(2);
    await other.close();
    await noRules();
  });

  it('says on its tab why it failed when the portal refuses the handed token, with no token in the address', { timeout: 40_000 }, async () => {
    const tab = await startSignIn(browser.context, options, portal.url);
    await logInForSignIn(tab, portal);
    const token = await tab.evaluate(() => localStorage.getItem('duplo-demo-token'));
    portal.setFaults([{ endpoint: 'v3/features/system', status: 500, times: 1 }]);
    await tab.click('#authorize');
    await tab.waitForURL(`${browser.extensionUrl}extension/handoff/index.html?**`);
    const host = new URL(portal.url).host;
    await expect.poll(() => tab.locator('#status').textContent()).toBe(
      `Sign-in failed: ${host} answered with a server error (HTTP 500). The portal said: "Demo fault: 500 Internal Server Error". The trouble is on the portal's side: try again in a minute, and tell your DuploCloud administrator if it lasts.`,
    );
    expect(tab.url()).not.toContain(token);
    expect(await allRules(browser.worker)).toEqual([]);
    await tab.close();
  });

  it('ends before a page of another origin in its tab can use it, even one that sends its token as soon as it loads', { timeout: 40_000 }, async () => {
    const before = portal.counters()['v3/features/system'] ?? 0;
    const tab = await startSignIn(browser.context, options, portal.url);
    await logInForSignIn(tab, portal);
    await tab.goto(`${evilOrigin}/plant`, { waitUntil: 'commit' });
    await noRules();
    // Handoffs are taken one at a time: once a real sign-in in another tab is through, the
    // worker is done with whatever the planted one reached.
    const other = await startSignIn(browser.context, options, portal.url);
    await logInForSignIn(other, portal);
    await Promise.all([other.waitForEvent('close'), other.click('#authorize')]);
    expect(portal.counters()['v3/features/system']).toBe(before + 1);
    const stored = await browser.worker.evaluate(async () => JSON.stringify([await chrome.storage.session.get(null), await chrome.storage.local.get(null)]));
    expect(stored).not.toContain(attackerToken);
    await tab.close();
  });
});
