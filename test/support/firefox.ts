import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { firefoxExtensionId } from '../../src/bridge/extension-id';
import type { Reply, WorkerRequest } from '../../src/worker-messages/protocol';
import type { ReplyOf } from '../../src/worker';
import { onFirefoxBackground } from './firefox-hook';

export const firefoxDir = resolve(import.meta.dirname, '../../dist/firefox');

export const firefoxPath = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/**
 * The add-on's internal UUID, fixed by the `extensions.webextensions.uuids` pref, so its pages
 * have a known `moz-extension://` origin (Firefox draws a random one per profile otherwise).
 */
const extensionUuid = '3d1f6b0e-5a8c-4f2e-9b7d-2c4a6e8f0a1b';
export const firefoxExtensionUrl = `moz-extension://${extensionUuid}/`;

export interface FirefoxWithExtension {
  readonly browser: Browser;
  /** `moz-extension://<uuid>/`. */
  readonly extensionUrl: string;
  /** The throwaway folder that is this Firefox's HOME (and so holds its native host manifest). */
  readonly home: string;
  /** A new tab showing one of the add-on's pages (`extension/popup/index.html`), loaded. */
  openExtensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

export interface FirefoxLaunchOptions {
  /** Extra environment for Firefox, and so for the native host it starts. */
  readonly env?: Readonly<Record<string, string>>;
  /** Runs with the fresh HOME before Firefox starts (to install the native host there). */
  readonly prepareHome?: (home: string) => Promise<void>;
  /** Firefox prefs beside the ones every test needs. */
  readonly prefs?: Readonly<Record<string, unknown>>;
  /** Accept any certificate (the fake console's self-signed one): WebDriver's own switch, for every tab. */
  readonly acceptInsecureCerts?: boolean;
}

/** Waits until the page shows `url` and has loaded, asking the page itself (see openExtensionPage). */
async function waitForDocument(page: Page, url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = await page.evaluate(() => [location.href, document.readyState] as const).catch(() => undefined);
    if (state?.[0] === url && state[1] === 'complete') return;
    if (Date.now() > deadline) throw new Error(`${url} never loaded (the tab shows ${state?.[0] ?? 'nothing yet'})`);
    await new Promise((done) => setTimeout(done, 50));
  }
}

/**
 * Firefox ESR with the built add-on installed as a temporary add-on, over WebDriver BiDi, in a
 * throwaway profile under a throwaway HOME (test/browser-facts.md, "Firefox").
 */
export async function launchFirefoxWithExtension(options: FirefoxLaunchOptions = {}): Promise<FirefoxWithExtension> {
  if (!existsSync(join(firefoxDir, 'manifest.json'))) throw new Error(`${firefoxDir} has no build: run "npm run build" first`);
  const home = await mkdtemp(join(tmpdir(), 'duplo-jit-firefox-'));
  await options.prepareHome?.(home);
  const launching = puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath,
    headless: true,
    acceptInsecureCerts: options.acceptInsecureCerts ?? false,
    userDataDir: join(home, 'profile'),
    // Firefox reads native host manifests from $HOME/.mozilla/native-messaging-hosts/.
    env: { ...process.env, HOME: home, ...options.env },
    // WebDriver BiDi refuses to navigate a tab to a moz-extension:// page without it.
    args: ['--remote-allow-system-access'],
    // DUPLO_JIT_FIREFOX_DUMPIO=1 shows Firefox's own stderr (the native host's stderr did not show there).
    dumpio: process.env.DUPLO_JIT_FIREFOX_DUMPIO === '1',
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [firefoxExtensionId]: extensionUuid }),
      // Lets a test page read the clipboard with navigator.clipboard.readText(), with no click
      // and no paste prompt (Mozilla's own tests' switch).
      'dom.events.testing.asyncClipboard': true,
      ...options.prefs,
    },
  });
  const browser = await launching.catch(async (error: unknown) => {
    await rm(home, { recursive: true, force: true });
    throw error;
  });
  try {
    await browser.installExtension(firefoxDir);
  } catch (error) {
    await browser.close();
    await rm(home, { recursive: true, force: true });
    throw error;
  }
  return {
    browser,
    extensionUrl: firefoxExtensionUrl,
    home,
    async openExtensionPage(path) {
      const page = await browser.newPage();
      const url = `${firefoxExtensionUrl}${path}`;
      // The tab does show the page, but puppeteer never hears that its navigation to a
      // moz-extension:// URL ended (page.url() stays about:blank), so goto would time out:
      // start it, and ask the page where it is instead.
      void page.goto(url, { timeout: 60_000 }).catch(() => undefined);
      await waitForDocument(page, url, 30_000);
      return page;
    },
    async close() {
      // A test may have closed Firefox already, to read what it wrote out.
      if (browser.connected) await browser.close();
      await rm(home, { recursive: true, force: true });
    },
  };
}

/** Sends a request to the background from a page of the add-on, as the popup does. */
export function askFirefoxWorker<Request extends WorkerRequest>(page: Page, request: Request): Promise<Reply<ReplyOf<Request['type']>>> {
  return page.evaluate(
    (message) => (globalThis as unknown as { browser: { runtime: { sendMessage(message: unknown): Promise<unknown> } } }).browser.runtime.sendMessage(message),
    request,
  ) as Promise<Reply<ReplyOf<Request['type']>>>;
}

/**
 * Runs the handler a click on a context menu item runs, in the background page (reached from an
 * add-on page with runtime.getBackgroundPage: Firefox's background is a page, not a worker).
 */
export async function clickFirefoxCopyMenu(page: Page, menuItemId: string): Promise<void> {
  await onFirefoxBackground(page, { copyMenu: menuItemId });
}

/** What the add-on copied, as the user sees it: the clipboard, read from a web page. */
export async function firefoxClipboardText(firefox: FirefoxWithExtension, pageUrl: string): Promise<string> {
  const page = await firefox.browser.newPage();
  try {
    await page.goto(pageUrl);
    return await page.evaluate(() => navigator.clipboard.readText());
  } finally {
    await page.close();
  }
}
