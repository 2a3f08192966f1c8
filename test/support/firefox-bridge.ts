import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import type { WorkerRequest } from '../../src/worker-messages/protocol';
import type { DemoPortal } from '../portal/index';
import { waitFor } from './bridge-browser';
import { askFirefoxWorker, launchFirefoxWithExtension, type FirefoxLaunchOptions, type FirefoxWithExtension } from './firefox';
import { signInOnPortalInFirefox } from './firefox-portal';
import { runCli } from './run-cli';

export interface FirefoxBridgeSetup {
  readonly firefox: FirefoxWithExtension;
  /** Environment for CLI processes: the socket of this Firefox's host, and a private cache. */
  readonly env: Readonly<Record<string, string>>;
  readonly dir: string;
  close(): Promise<void>;
}

/** Sends requests to the background from the add-on's options page, as that page's buttons do. */
export async function askFirefoxOptionsPage(firefox: FirefoxWithExtension, requests: readonly WorkerRequest[]): Promise<void> {
  const page = await firefox.openExtensionPage('extension/options/index.html');
  try {
    for (const request of requests) {
      const reply = await askFirefoxWorker(page, request);
      if (!reply.ok) throw new Error(reply.error.message);
    }
  } finally {
    await page.close();
  }
}

/**
 * Firefox with the add-on, and the native host installed for Firefox into its throwaway HOME
 * (`duplo-jit-bridge install --browser firefox`, as a user runs it), the demo portal added and
 * the admin signed in on the portal's own page.
 */
export async function startFirefoxBridge(portal: DemoPortal, settings: Record<string, unknown> = {}, launch: Pick<FirefoxLaunchOptions, 'prefs'> = {}): Promise<FirefoxBridgeSetup> {
  const dir = await mkdtemp(join(tmpdir(), 'duplo-jit-firefox-e2e-'));
  const env = { DUPLO_JIT_BRIDGE_SOCKET: join(dir, 'bridge.sock'), XDG_CACHE_HOME: join(dir, 'cache') };
  const firefox = await launchFirefoxWithExtension({
    ...launch,
    env,
    prepareHome: async (home) => {
      const installed = await runCli(['install', '--browser', 'firefox'], { ...env, HOME: home });
      if (installed.code !== 0) throw new Error(`install failed: ${installed.stderr}`);
    },
  });
  await askFirefoxOptionsPage(firefox, [{ type: 'add-portal', origin: portal.url }, { type: 'save-settings', settings }]);
  await signInOnPortalInFirefox(firefox.browser, portal, 'admin');
  await waitFor(() => existsSync(env.DUPLO_JIT_BRIDGE_SOCKET), 'the native host never opened its socket', 20_000);
  return {
    firefox,
    env,
    dir,
    async close() {
      await firefox.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The next approval window the add-on opens, found by asking each tab where it is: puppeteer
 * never learns the URL of a moz-extension:// page (test/browser-facts.md, "Firefox").
 */
export async function nextFirefoxApproval(firefox: FirefoxWithExtension, timeoutMs = 30_000): Promise<Page> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const page of await firefox.browser.pages()) {
      const href = await page.evaluate(() => location.href).catch(() => '');
      if (href.startsWith(`${firefox.extensionUrl}extension/approve/`)) return page;
    }
    if (Date.now() > deadline) throw new Error('no approval window opened');
    await new Promise((done) => setTimeout(done, 100));
  }
}
