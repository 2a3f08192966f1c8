import type { IncomingHttpHeaders } from 'node:http';

export type HandoffVerdict = { readonly ok: true; readonly token: string } | { readonly ok: false; readonly status: 400 | 404 | 405; readonly reason: string };

/** What a browser sends for the portal's redirect, measured in Chromium 156 (Firefox and Safari send the same headers to localhost). */
const navigation = { 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'document' } as const;

/**
 * `cross-site` when the portal's Authorize button or its redirect takes the tab to localhost;
 * `none` when the whole chain began from the address bar or `xdg-open` (Chromium keeps it
 * through cross-site redirects). `same-site`/`same-origin` would be a page on localhost itself.
 */
const sites: ReadonlySet<string> = new Set(['cross-site', 'none']);

const refuse = (status: 400 | 404 | 405, reason: string): HandoffVerdict => ({ ok: false, status, reason });

const single = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? undefined : value);

/**
 * Whether one request to the sign-in listener is the browser's top-level navigation from the
 * portal's verify-token page: GET /?t=TOKEN and nothing else, to a loopback Host (a page on a
 * rebound DNS name sends its own), with the headers browsers add to a navigation. The portal
 * echoes no nonce, so this is as far as the protocol allows: a local program can still forge
 * all of it. Reasons name what was wrong, never the values an attacker chose.
 */
export function checkHandoffRequest(request: { method?: string | undefined; url?: string | undefined; headers: IncomingHttpHeaders }, port: number): HandoffVerdict {
  if (request.method !== 'GET') return refuse(405, 'the method is not GET');
  const host = single(request.headers.host)?.toLowerCase();
  if (host !== `localhost:${port}` && host !== `127.0.0.1:${port}` && host !== `[::1]:${port}`) return refuse(400, 'the Host header names another host');
  const target = request.url ?? '';
  // Origin-form only: an absolute or scheme-relative target would name some other host.
  if (!target.startsWith('/?') || target.startsWith('//')) return refuse(404, 'the path is not /');
  const query = new URLSearchParams(target.slice(2));
  const names = [...query.keys()];
  const token = query.get('t');
  if (names.length !== 1 || names[0] !== 't' || !token) return refuse(400, 'the query is not exactly ?t=TOKEN');
  for (const [name, value] of Object.entries(navigation)) {
    if (single(request.headers[name]) !== value) return refuse(400, `${name} is not ${value}`);
  }
  if (!sites.has(single(request.headers['sec-fetch-site']) ?? '')) return refuse(400, 'sec-fetch-site is not cross-site or none');
  // Browsers send no Origin on a GET navigation; fetch() and forms that would carry one are not the redirect.
  if (request.headers.origin !== undefined) return refuse(400, 'it has an Origin header, as a script or a form sends');
  return { ok: true, token };
}
