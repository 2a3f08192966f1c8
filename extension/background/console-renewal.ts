import browser from 'webextension-polyfill';
import { renewConsoleTab, renewalNotice, renewalTime, toViewError, type ConsoleTab, type PortalContext } from '../../src/worker';
import { isFirefox } from '../shared/target';

const prefix = 'console-renew:';

/** How long before the end the renewal is offered; the tests shorten it through the worker's test hook. */
export interface RenewLimits {
  leadMs: number;
}

const tabOf = (name: string): number | undefined => (name.startsWith(prefix) ? Number(name.slice(prefix.length)) : undefined);

/**
 * "Renew" for the console sessions the extension opened: an alarm per tab at its end minus
 * the lead, a notification then, and a fresh sign-in in that tab on the page it shows.
 * Sessions opened elsewhere are not in the registry, so never offered.
 */
export function consoleRenewals(context: PortalContext, limits: RenewLimits) {
  const schedule = async (tab: ConsoleTab) => {
    await browser.alarms.create(`${prefix}${tab.tabId}`, { when: renewalTime(tab.endsAt, limits.leadMs, context.deps.now()) });
  };

  const liveTab = async (tabId: number) => (await context.consoleTabs.live()).find((tab) => tab.tabId === tabId);

  const offer = async (tabId: number) => {
    const tab = await liveTab(tabId);
    if (!tab) return;
    const { title, message } = await renewalNotice(context, tab);
    const iconUrl = browser.runtime.getURL('notification-icon.png');
    // Firefox shows no buttons on notifications: there a click on the notification renews.
    const buttons = isFirefox ? {} : { buttons: [{ title: 'Renew' }] };
    await browser.notifications.create(`${prefix}${tabId}`, { type: 'basic', iconUrl, title, message, ...buttons });
  };

  const renew = async (notificationId: string) => {
    const tabId = tabOf(notificationId);
    await browser.notifications.clear(notificationId);
    const tab = tabId === undefined ? undefined : await liveTab(tabId);
    if (!tab) return;
    try {
      const current = await browser.tabs.get(tab.tabId);
      const { url, endsAt } = await renewConsoleTab(context, tab, current.url);
      await browser.tabs.update(tab.tabId, { url, active: true });
      await schedule({ ...tab, endsAt });
    } catch (error) {
      // Said where the user clicked; the sentence names no link and no key (view-error.ts).
      const iconUrl = browser.runtime.getURL('notification-icon.png');
      await browser.notifications.create(`console-renew-failed:${tab.tabId}`, { type: 'basic', iconUrl, title: 'Could not renew the AWS console', message: toViewError(error, tab.origin).message });
    }
  };

  // Added synchronously at start-up: the alarm or a click on the notification may wake the worker.
  browser.alarms.onAlarm.addListener((alarm) => {
    const tabId = tabOf(alarm.name);
    if (tabId !== undefined) void offer(tabId);
  });
  browser.notifications.onButtonClicked.addListener((id) => void renew(id));
  browser.notifications.onClicked.addListener((id) => void renew(id));

  return { schedule, renew };
}

export type ConsoleRenewals = ReturnType<typeof consoleRenewals>;
