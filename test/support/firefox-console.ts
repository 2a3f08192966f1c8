import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll } from 'vitest';
import type { Settings } from '../../src/settings/settings';
import type { ConsoleTab } from '../../src/worker';
import { startDemoPortal, type DemoPortal, type DemoPortalOptions } from '../portal/index';
import { startConsoleProxy } from './console-proxy';
import { startFakeConsole } from './fake-console';
import { launchFirefoxWithExtension, type FirefoxWithExtension } from './firefox';
import { askFirefoxOptionsPage } from './firefox-bridge';
import { firefoxConsoleTabs } from './firefox-hook';
import { signInOnPortalInFirefox } from './firefox-portal';

export interface FirefoxConsole {
  readonly firefox: FirefoxWithExtension;
  close(): Promise<void>;
}

/**
 * Where each Firefox console test starts, as startConsoleBrowser is for Chromium: the add-on in
 * Firefox, every `*.console.aws.amazon.com` host answered by the fake console through a local
 * proxy (its self-signed certificate accepted), the demo portal added, its admin signed in on
 * the portal's page, and `settings` saved.
 */
export async function startFirefoxConsole(portal: DemoPortal, settings: Partial<Settings> = {}, prefs: Readonly<Record<string, unknown>> = {}): Promise<FirefoxConsole> {
  const fake = await startFakeConsole();
  const proxy = await startConsoleProxy(fake.listening);
  const stop = () => Promise.all([proxy.stop(), fake.stop()]);
  const firefox = await launchFirefoxWithExtension({ acceptInsecureCerts: true, prefs: { ...proxy.prefs, ...prefs } }).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  try {
    await askFirefoxOptionsPage(firefox, [{ type: 'add-portal', origin: portal.url }, { type: 'save-settings', settings }]);
    await (await signInOnPortalInFirefox(firefox.browser, portal, 'admin')).close();
  } catch (error) {
    await firefox.close();
    await stop();
    throw error;
  }
  return {
    firefox,
    async close() {
      await firefox.close();
      await stop();
    },
  };
}

export interface FirefoxConsoleFixture {
  readonly portal: DemoPortal;
  readonly firefox: FirefoxWithExtension;
  /** An add-on page kept open to reach the background and the extension APIs from. */
  readonly hookPage: Page;
  /** A demo tenant's ID by its name. */
  idOf(name: string): string;
  /** The background's registry of the console tabs it opened (storage.session). */
  registry(): Promise<ConsoleTab[]>;
}

interface FirefoxConsoleOptions {
  readonly portal?: DemoPortalOptions;
  readonly settings?: Partial<Settings>;
  readonly prefs?: Readonly<Record<string, unknown>>;
  readonly ready?: (hookPage: Page) => Promise<unknown>;
}

/**
 * A demo portal and a Firefox console (`startFirefoxConsole`) for a test file, the twin of
 * useConsoleBrowser: started before its tests, `ready` run on them, both stopped afterwards.
 */
export function useFirefoxConsole(options: FirefoxConsoleOptions = {}): FirefoxConsoleFixture {
  let state: { portal: DemoPortal; started?: FirefoxConsole; hookPage?: Page } | undefined;
  beforeAll(async () => {
    state = { portal: await startDemoPortal(options.portal) };
    state.started = await startFirefoxConsole(state.portal, options.settings, options.prefs);
    state.hookPage = await state.started.firefox.openExtensionPage('extension/options/index.html');
    await options.ready?.(state.hookPage);
  }, 90_000);
  afterAll(async () => {
    await state?.started?.close();
    await state?.portal.stop();
  });
  const started = () => {
    if (!state?.started || !state.hookPage) throw new Error('Firefox is used before beforeAll started it');
    return { portal: state.portal, firefox: state.started.firefox, hookPage: state.hookPage };
  };
  return {
    get portal() {
      return started().portal;
    },
    get firefox() {
      return started().firefox;
    },
    get hookPage() {
      return started().hookPage;
    },
    idOf: (name) => started().portal.tenants.find((tenant) => tenant.name === name)!.id,
    registry: () => firefoxConsoleTabs(started().hookPage),
  };
}
