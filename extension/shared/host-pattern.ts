import { isFirefox } from './target';

/**
 * The host permission pattern that covers an origin. A pattern without a port covers every
 * port in both browsers, but Firefox's `permissions.contains` and `request` answer false for a
 * pattern that names one (`http://127.0.0.1:8080/*`) even while `http://127.0.0.1/*` is granted
 * (test/browser-facts.md, "Firefox"), so Firefox asks by host alone. Chromium keeps the
 * narrower pattern with the port.
 */
export function hostPattern(origin: string): string {
  if (!isFirefox) return `${origin}/*`;
  const { protocol, hostname } = new URL(origin);
  return `${protocol}//${hostname}/*`;
}
