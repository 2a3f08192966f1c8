import browser from 'webextension-polyfill';
import { consoleHostPatterns } from '../../src/aws/console-hosts';
import { isAwsConsolePage } from '../../src/aws/console-hosts';
import { consoleLabelFor, type PortalContext } from '../../src/worker';
import { loadSettings } from '../../src/settings/settings';
import { showConsoleBanner } from './console-banner-page';

/**
 * The banner and title on the console tabs the extension opened, when the user turned it on
 * and granted the console's host access. Injected on each load of such a tab, never on a
 * console the user opened elsewhere: the registry alone says which tenant a tab is.
 */
export function labelConsoleTabs(context: PortalContext): void {
  const label = async (tabId: number, href: string) => {
    let url: URL;
    try {
      url = new URL(href);
    } catch {
      return;
    }
    if (!isAwsConsolePage(url)) return;
    const tab = (await context.consoleTabs.live()).find((entry) => entry.tabId === tabId);
    if (!tab || !(await loadSettings(context.deps.disk)).consoleBanner) return;
    if (!(await browser.permissions.contains({ origins: [...consoleHostPatterns] }))) return;
    const args: [Awaited<ReturnType<typeof consoleLabelFor>>] = [await consoleLabelFor(context, tab)];
    await browser.scripting.executeScript({ target: { tabId }, func: showConsoleBanner, args });
  };
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    // A page that failed to load or was left in between has nothing to label: ignored.
    if (change.status === 'complete' && tab.url) void label(tabId, tab.url).catch(() => undefined);
  });
}
