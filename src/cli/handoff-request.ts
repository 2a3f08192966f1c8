import type { IncomingHttpHeaders } from 'node:http';
import type { HandoffBody } from '../duplo/handoff-body';
import { checkHandoffPost } from './handoff-post';
import { refuse, single, type HandoffRefusal } from './handoff-refusal';

/** A request the listener may take: the token in the URL, or a body still to read. */
export type HandoffVerdict = { readonly ok: true; readonly token: string } | { readonly ok: true; readonly body: HandoffBody; readonly length: number } | HandoffRefusal;

export interface HandoffRequest {
  readonly method?: string | undefined;
  readonly url?: string | undefined;
  readonly headers: IncomingHttpHeaders;
}

/** What a browser sends for the portal's redirect, measured in Chromium 156 (Firefox and Safari send the same headers to localhost). */
const navigation = { 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'document' } as const;

/**
 * `cross-site` when the portal's Authorize button or its redirect takes the tab to localhost;
 * `none` when the whole chain began from the address bar or `xdg-open` (Chromium keeps it
 * through cross-site redirects). `same-site`/`same-origin` would be a page on localhost itself.
 */
const sites: ReadonlySet<string> = new Set(['cross-site', 'none']);

/** GET /?t=TOKEN and nothing else, with the headers browsers add to a top-level navigation. */
function checkRedirect(request: HandoffRequest): HandoffVerdict {
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

/**
 * Whether one request to the sign-in listener is one of the portal's handoffs: the
 * verify-token page's redirect (GET /?t=TOKEN), or on older and MFA portals that page's own
 * POST (handoff-post.ts). Either must name a loopback Host (a page on a rebound DNS name sends
 * its own). The portal echoes no nonce, so this is as far as the protocol allows: a local
 * program can still forge all of it. Reasons name what was wrong, never the values an attacker chose.
 */
export function checkHandoffRequest(request: HandoffRequest, port: number, portal: string): HandoffVerdict {
  if (request.method !== 'GET' && request.method !== 'POST') return refuse(405, 'the method is not GET or POST');
  const host = single(request.headers.host)?.toLowerCase();
  if (host !== `localhost:${port}` && host !== `127.0.0.1:${port}` && host !== `[::1]:${port}`) return refuse(400, 'the Host header names another host');
  return request.method === 'GET' ? checkRedirect(request) : checkHandoffPost(request, portal);
}
