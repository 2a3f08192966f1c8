import type { Settings } from '../../src/settings/settings';
import type { DemoPortal } from '../portal/index';
import { startConsoleProxy } from './console-proxy';
import { startFakeConsole } from './fake-console';
import { launchFirefoxWithExtension, type FirefoxWithExtension } from './firefox';
import { askFirefoxOptionsPage } from './firefox-bridge';
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
