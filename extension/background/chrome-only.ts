/**
 * The extension's only direct calls to `chrome.*`: everywhere else goes through
 * webextension-polyfill. What is here has no counterpart in the polyfill's types, which
 * follow Firefox. The Firefox build takes its own path for each: clipboard-page.ts,
 * firefox-requests.ts (through page-requests.ts), firefox-handoff.ts.
 */

/** Offscreen documents are Chrome's answer to a service worker having no DOM, so no clipboard. */
export async function hasOffscreenDocument(): Promise<boolean> {
  const existing = await chrome.runtime.getContexts({ contextTypes: [chrome.runtime.ContextType.OFFSCREEN_DOCUMENT] });
  return existing.length > 0;
}

export function createClipboardDocument(url: string, justification: string): Promise<void> {
  return chrome.offscreen.createDocument({ url, reasons: [chrome.offscreen.Reason.CLIPBOARD], justification });
}

export type SentHeaders = chrome.webRequest.OnSendHeadersDetails;

/** Every XHR/fetch a page sends, with its headers. `initiator` and the `extraHeaders` option are Chrome's. */
export function onXhrHeadersSent(listener: (sent: SentHeaders) => void): void {
  chrome.webRequest.onSendHeaders.addListener(listener, { urls: ['<all_urls>'], types: ['xmlhttprequest'] }, ['requestHeaders', 'extraHeaders']);
}

export type RequestSent = chrome.webRequest.OnBeforeRequestDetails;

/**
 * Every XHR/fetch to `urls`, with its body, seen without holding it up (MV3 allows no blocking
 * listener here). `initiator` is Chrome's; Firefox names the sender another way.
 */
export function onXhrBodiesSent(urls: string[], listener: (sent: RequestSent) => void): void {
  chrome.webRequest.onBeforeRequest.addListener(
    (sent) => {
      listener(sent);
      return undefined;
    },
    { urls, types: ['xmlhttprequest'] },
    ['requestBody'],
  );
}

/**
 * Puts a tab into its window's group of this title, made with this colour when there is none.
 * Tab groups are Chromium's; the Firefox build never calls this (console-tab-groups.ts).
 */
export async function groupTab(tabId: number, windowId: number, title: string, color: `${chrome.tabGroups.Color}`): Promise<void> {
  const existing = (await chrome.tabGroups.query({ windowId })).find((group) => group.title === title);
  const groupId = await chrome.tabs.group({ tabIds: tabId, ...(existing ? { groupId: existing.id } : { createProperties: { windowId } }) });
  if (!existing) await chrome.tabGroups.update(groupId, { title, color: color as chrome.tabGroups.Color });
}
