import browser from 'webextension-polyfill';
import type { RequestSent, SentHeaders } from './page-requests';
import { withoutPorts } from './firefox-patterns';

/**
 * Firefox's side of page-requests.ts. Firefox has no `extraHeaders` option (its listeners see
 * `Authorization` without it, and reject the unknown option) and no `initiator`: the document
 * that sent a request is `documentUrl` (`originUrl` is the URL of whatever triggered it, the
 * same page for a page's own fetch).
 */
function senderOrigin(sent: { documentUrl?: string; originUrl?: string }): string | undefined {
  const page = sent.documentUrl ?? sent.originUrl;
  if (!page) return undefined;
  try {
    return new URL(page).origin;
  } catch {
    return undefined;
  }
}

export function onFirefoxXhrHeadersSent(listener: (sent: SentHeaders) => void): void {
  browser.webRequest.onSendHeaders.addListener(
    (sent) => listener({ url: sent.url, initiator: senderOrigin(sent), requestHeaders: sent.requestHeaders }),
    { urls: ['<all_urls>'], types: ['xmlhttprequest'] },
    ['requestHeaders'],
  );
}

export function onFirefoxXhrBodiesSent(urls: string[], listener: (sent: RequestSent) => void): void {
  browser.webRequest.onBeforeRequest.addListener(
    (sent) => {
      const raw = sent.requestBody?.raw;
      const bytes = raw?.length === 1 ? raw[0]?.bytes : undefined;
      listener({
        url: sent.url,
        method: sent.method,
        tabId: sent.tabId,
        initiator: senderOrigin(sent),
        rawBody: bytes instanceof ArrayBuffer ? bytes : undefined,
      });
      return undefined;
    },
    // The caller checks the port (firefox-patterns.ts).
    { urls: withoutPorts(urls), types: ['xmlhttprequest'] },
    ['requestBody'],
  );
}
