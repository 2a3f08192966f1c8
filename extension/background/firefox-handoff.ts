import browser from 'webextension-polyfill';
import { handoffPostUrls } from '../../src/worker';
import { withoutPorts } from './firefox-patterns';

/**
 * Firefox's sign-in handoff. Its MV3 background is an event page, which gets no fetch events, so
 * the Chromium path (a declarativeNetRequest redirect answered by the service worker) cannot
 * work; Firefox keeps blocking webRequest in MV3 instead. A blocking listener sees the
 * navigation to the handoff port and, for a tab whose sign-in is pending, cancels it before it
 * leaves the browser (no program on that port gets the token) and hands its URL over; `take`
 * checks the port (firefox-patterns.ts). Any
 * other tab's navigation there goes on untouched (duplo-jit's own `--interactive` listener).
 */
export function onFirefoxHandoffNavigation(take: (tabId: number, url: string) => Promise<boolean>): void {
  browser.webRequest.onBeforeRequest.addListener(
    async (sent) => ((await take(sent.tabId, sent.url).catch(() => false)) ? { cancel: true } : {}),
    { urls: withoutPorts(handoffPostUrls), types: ['main_frame'] },
    ['blocking'],
  );
}
