import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handoffPath, handoffPort } from '../../src/worker/handoff';
import { startDemoPortal, type DemoPortal } from '../portal/index';
import { launchWithExtension, type LoadedExtension } from '../support/chromium';
import { askWorker, optionsUrl, signInOnPortal } from '../support/portal-browser';

/** Web pages on other origins (loopback, and a look-alike host mapped to loopback) attacking the extension. */
const evilToken = 'EVIL-planted-token-31337';
let evil: Server;
let evilLoopback = '';
const lookAlike = 'http://acme.duplocloud.net.evil.test';
let portal: DemoPortal;
let browser: LoadedExtension;

beforeAll(async () => {
  evil = createServer((_request, response) => response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>evil</title><p>evil'));
  await new Promise<void>((resolve) => evil.listen(0, '127.0.0.1', resolve));
  const port = (evil.address() as AddressInfo).port;
  evilLoopback = `http://127.0.0.1:${port}`;
  portal = await startDemoPortal();
  browser = await launchWithExtension({ extraArgs: [`--host-resolver-rules=MAP *.evil.test 127.0.0.1:${port}`] });
  const options = await browser.context.newPage();
  await options.goto(optionsUrl);
  expect((await askWorker(options, { type: 'add-portal', origin: portal.url })).ok).toBe(true);
  await options.close();
}, 30_000);
afterAll(async () => {
  await browser?.close();
  await portal?.stop();
  await new Promise((resolve) => evil?.close(resolve));
});

/** Everything the extension keeps, as text: what an attack planted would show up here. */
async function storageDump(): Promise<string> {
  return browser.worker.evaluate(async () => JSON.stringify([await chrome.storage.session.get(null), await chrome.storage.local.get(null), await chrome.storage.sync.get(null)]));
}

async function evilPage(origin: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`${origin}/`);
  return page;
}

const origins = () => [evilLoopback, lookAlike];

describe('a web page on another origin', () => {
  it('cannot message the extension (no externally_connectable)', async () => {
    for (const origin of origins()) {
      const page = await evilPage(origin);
      const outcome = await page.evaluate(async (id) => {
        const runtime = (globalThis as { chrome?: { runtime?: { sendMessage?: (id: string, message: unknown) => Promise<unknown> } } }).chrome?.runtime;
        if (typeof runtime?.sendMessage !== 'function') return 'no chrome.runtime.sendMessage';
        try {
          return `answered ${JSON.stringify(await runtime.sendMessage(id, { type: 'state' }))}`;
        } catch (error) {
          return `failed: ${String(error)}`;
        }
      }, browser.extensionId);
      expect(outcome).not.toMatch(/^answered/);
      await page.close();
    }
  });

  it('cannot plant a token: not by the handoff address, not by opening the handoff pages, not by calling the portal API', { timeout: 60_000 }, async () => {
    const before = portal.counters()['v3/features/system'] ?? 0;
    // A real sign-in is pending in its own tab: the redirect rule must not apply to other tabs.
    const options = await browser.context.newPage();
    await options.goto(optionsUrl);
    const [signInTab] = await Promise.all([browser.context.waitForEvent('page'), askWorker(options, { type: 'sign-in', origin: portal.url })]);
    for (const origin of origins()) {
      // The page navigates itself, as a script would: to the handoff address, to the sign-in
      // result page, and to where the rule sends a handoff, with a guessed nonce.
      const targets = [`http://localhost:${handoffPort}/?t=${evilToken}`, `${browser.extensionUrl}extension/handoff/index.html?t=${evilToken}`, `${browser.extensionUrl}${handoffPath}guess?t=${evilToken}`];
      for (const target of targets) {
        const page = await evilPage(origin);
        await page.evaluate((url) => void setTimeout(() => (location.href = url), 0), target);
        await page.waitForURL((url) => !url.href.startsWith(origin), { timeout: 1_500 }).catch(() => undefined);
        await page.waitForTimeout(300);
        if (target.includes('localhost')) expect(page.url()).not.toContain('chrome-extension://');
        await page.close();
      }
      const page = await evilPage(origin);
      // The API call with a bearer token, from a page that is not the portal.
      await page.goto(`${origin}/`);
      await page.evaluate(async ({ api, token }) => fetch(`${api}/admin/GetTenantsForUser`, { headers: { Authorization: `Bearer ${token}` } }).catch(() => undefined), { api: portal.url, token: evilToken });
      await page.close();
    }
    await browser.context.newPage().then(async (page) => {
      await page.goto(`${browser.extensionUrl}extension/handoff/index.html?t=${evilToken}`);
      await expect.poll(() => page.locator('#status').textContent()).toContain('there is nothing to do here');
      await page.close();
    });
    expect(await storageDump()).not.toContain(evilToken);
    expect(portal.counters()['v3/features/system'] ?? 0).toBe(before);
    const state = await askWorker(options, { type: 'state' });
    expect(JSON.stringify(state)).not.toContain(evilToken);
    await Promise.all([signInTab.close(), options.close()]);
  });

  it('cannot frame or fetch extension pages, not even the handoff path the listed origins may navigate to', async () => {
    const pages = ['extension/popup/index.html', 'extension/options/index.html', 'extension/approve/index.html', 'extension/handoff/index.html', `${handoffPath}guess?t=${evilToken}`, 'manifest.json'];
    const reachable: string[] = [];
    for (const origin of origins()) {
      const page = await evilPage(origin);
      for (const path of pages) {
        const url = `${browser.extensionUrl}${path}`;
        const fetched = await page.evaluate(async (target) => fetch(target).then((response) => response.ok, () => false), url);
        await page.evaluate((target) => {
          const frame = document.createElement('iframe');
          frame.src = target;
          document.body.append(frame);
        }, url);
        await page.waitForTimeout(200);
        const framed = await Promise.all(page.frames().filter((frame) => frame.url() === url).map((frame) => frame.evaluate(() => typeof chrome.runtime?.id === 'string').catch(() => false)));
        if (fetched || framed.includes(true)) reachable.push(`${origin} ${path}`);
      }
      await page.close();
    }
    expect(reachable).toEqual([]);
  });

  it('still works afterwards: signing in on the portal page gives a session', async () => {
    await (await signInOnPortal(browser.context, portal, 'admin')).close();
    await expect.poll(async () => (await storageDump()).includes(portal.url), { timeout: 5_000 }).toBe(true);
    expect(await storageDump()).not.toContain(evilToken);
  });
});
