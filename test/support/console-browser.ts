import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import type { Settings } from '../../src/settings/settings';
import type { ConsoleTab } from '../../src/worker';
import { startDemoPortal, type DemoPortal, type DemoPortalOptions } from '../portal/index';
import { launchWithExtension, type LoadedExtension } from './chromium';
import { startFakeConsole, type FakeConsole } from './fake-console';
import { extensionWithHosts, type ExtensionCopy } from './extension-copy';
import { addPortal, askWorker, openPopup, popupAction, readInWorker, signInOnPortal } from './portal-browser';

export interface ConsoleBrowser {
  readonly browser: LoadedExtension;
  readonly fake: FakeConsole;
  close(): Promise<void>;
}

/**
 * Where each console test starts: Chromium with the extension, every `*.console.aws.amazon.com`
 * host answered by a fake console, the demo portal added, its admin signed in on the portal's
 * page, and `settings` saved. `extensionDir`: a copy of the build to load instead.
 */
export async function startConsoleBrowser(portal: DemoPortal, settings: Partial<Settings> = {}, extensionDir?: string): Promise<ConsoleBrowser> {
  const fake = await startFakeConsole();
  const browser = await launchWithExtension({ ...(extensionDir ? { extensionDir } : {}), extraArgs: ['--ignore-certificate-errors', `--host-resolver-rules=MAP *.console.aws.amazon.com ${fake.listening}`] });
  if (!(await addPortal(browser.context, portal))) throw new Error('the options page did not add the demo portal');
  await (await signInOnPortal(browser.context, portal, 'admin')).close();
  const page = await openPopup(browser.context);
  const saved = await askWorker(page, { type: 'save-settings', settings });
  await page.close();
  if (!saved.ok) throw new Error(`saving ${JSON.stringify(settings)} failed: ${saved.error.message}`);
  return {
    browser,
    fake,
    async close() {
      await browser.close();
      await fake.stop();
    },
  };
}

/** A tab on a (fake) AWS console page, the active one when the popup opens, as when the user clicks the toolbar button over it. */
export async function popupOver(browser: LoadedExtension, consoleUrl: string): Promise<{ tab: Page; popup: Page }> {
  const tab = await browser.context.newPage();
  await tab.goto(consoleUrl);
  await tab.locator('#fake-console').waitFor();
  const popup = await openPopup(browser.context);
  // The popup reads the active tab when it opens: make the console tab active, then open the popup again behind it.
  await tab.bringToFront();
  await popup.reload();
  await popup.locator('[data-testid="refreshing"]').waitFor({ state: 'detached' });
  return { tab, popup };
}

/** Where a federation sign-in lands; its SigninToken is left out of every assertion. */
export const destinationOf = (tab: Page): string | null => new URL(tab.url()).searchParams.get('Destination');

export interface ConsoleFixture {
  readonly portal: DemoPortal;
  readonly browser: LoadedExtension;
  readonly fake: FakeConsole;
  /** A demo tenant's ID by its name. */
  idOf(name: string): string;
  /** The worker's registry of the console tabs it opened (storage.session). */
  registry(): Promise<ConsoleTab[]>;
  /** Clicks a tenant row's Console button in a fresh popup; resolves with the console tab it opened, once signed in there. */
  openFromPopup(name: string): Promise<Page>;
}

interface ConsoleFixtureOptions {
  readonly portal?: DemoPortalOptions;
  readonly settings?: Partial<Settings>;
  /** Console host access granted up front, as a user's "Allow" would (extensionWithHosts). */
  readonly hosts?: readonly string[];
  readonly ready?: (browser: LoadedExtension) => Promise<unknown>;
}

/**
 * A demo portal and a console browser (`startConsoleBrowser`) for a test file: started before
 * its tests, `ready` run on them, and both stopped afterwards.
 */
export function useConsoleBrowser(options: ConsoleFixtureOptions = {}): ConsoleFixture {
  let state: { portal: DemoPortal; copy?: ExtensionCopy; started?: ConsoleBrowser } | undefined;
  beforeAll(async () => {
    state = { portal: await startDemoPortal(options.portal) };
    if (options.hosts) state.copy = await extensionWithHosts(options.hosts);
    state.started = await startConsoleBrowser(state.portal, options.settings, state.copy?.dir);
    await options.ready?.(state.started.browser);
  }, 60_000);
  afterAll(async () => {
    await state?.started?.close();
    await Promise.all([state?.portal.stop(), state?.copy?.remove()]);
  });
  const started = (): ConsoleBrowser & { portal: DemoPortal } => {
    if (!state?.started) throw new Error('the console browser is used before beforeAll started it');
    return { ...state.started, portal: state.portal };
  };
  const idOf = (name: string) => started().portal.tenants.find((tenant) => tenant.name === name)!.id;
  return {
    get portal() {
      return started().portal;
    },
    get browser() {
      return started().browser;
    },
    get fake() {
      return started().fake;
    },
    idOf,
    registry: async () => ((await readInWorker(started().browser.worker, 'memory', 'consoleTabs')) ?? []) as ConsoleTab[],
    async openFromPopup(name) {
      const { context } = started().browser;
      const popup = await openPopup(context);
      const row = popup.locator(`[data-testid="row"][data-scope="${idOf(name)}"]`);
      const [tab] = await Promise.all([context.waitForEvent('page', { timeout: 30_000 }), popupAction(row.locator('[data-testid="open-console"]').click())]);
      await expect.poll(() => tab.locator('main#console').getAttribute('data-tenant'), { timeout: 30_000 }).toBe(name);
      if (!popup.isClosed()) await popup.close();
      return tab;
    },
  };
}
