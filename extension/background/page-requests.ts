import { onXhrBodiesSent as chromeBodies, onXhrHeadersSent as chromeHeaders } from './chrome-only';
import { onFirefoxXhrBodiesSent, onFirefoxXhrHeadersSent } from './firefox-requests';
import { isFirefox } from '../shared/target';

/**
 * What a page's XHR/fetch tells the background, the same in both browsers. `initiator` is the
 * origin of the document that sent it: Chromium's `initiator`, Firefox's `documentUrl`'s origin.
 */
export interface SentHeaders {
  readonly url: string;
  readonly initiator?: string | undefined;
  readonly requestHeaders?: readonly { readonly name: string; readonly value?: string | undefined }[] | undefined;
}

export interface RequestSent {
  readonly url: string;
  readonly method: string;
  readonly tabId: number;
  readonly initiator?: string | undefined;
  /** The body when it came as one piece of bytes, as the handoff POSTs send it. */
  readonly rawBody?: ArrayBuffer | undefined;
}

/** Every XHR/fetch a page sends, with its headers (the portal's own API calls carry its session). */
export function onXhrHeadersSent(listener: (sent: SentHeaders) => void): void {
  if (isFirefox) onFirefoxXhrHeadersSent(listener);
  else chromeHeaders((sent) => listener(sent));
}

/** Every XHR/fetch to `urls`, with its body, seen without holding it up. */
export function onXhrBodiesSent(urls: string[], listener: (sent: RequestSent) => void): void {
  if (isFirefox) {
    onFirefoxXhrBodiesSent(urls, listener);
    return;
  }
  chromeBodies(urls, (sent) => {
    const raw = sent.requestBody?.raw;
    listener({ url: sent.url, method: sent.method, tabId: sent.tabId, initiator: sent.initiator, rawBody: raw?.length === 1 ? raw[0]?.bytes : undefined });
  });
}
