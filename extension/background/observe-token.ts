import { observeRequest, type PortalContext } from '../../src/worker';

/**
 * Learns the portal session from the portal page's own API calls. `initiator` and
 * `extraHeaders` are Chrome's (the polyfill's types lack them). Host permissions already
 * limit what is seen to portal hosts; observeRequest checks the page is a portal too.
 */
export function observePortalTokens(context: PortalContext, onNewSession: (origin: string) => void): void {
  chrome.webRequest.onSendHeaders.addListener(
    (details) => {
      const authorization = details.requestHeaders?.find((header) => header.name.toLowerCase() === 'authorization')?.value;
      if (!authorization || !details.initiator) return;
      const requestOrigin = new URL(details.url).origin;
      void observeRequest(context, details.initiator, requestOrigin, authorization).then((changed) => {
        if (changed) onNewSession(details.initiator!);
      });
    },
    { urls: ['<all_urls>'], types: ['xmlhttprequest'] },
    ['requestHeaders', 'extraHeaders'],
  );
}
