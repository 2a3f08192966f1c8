import type { IncomingHttpHeaders } from 'node:http';
import { handoffBodies, handoffBodyLimit, type HandoffBody } from '../duplo/handoff-body';
import { refuse, single, type HandoffRefusal } from './handoff-refusal';

/**
 * The content types of a cross-origin fetch that needs no preflight: the portal's page posts a
 * string, and duplo-jit answers no preflight, so a portal that works with it sends one of these.
 */
const simpleTypes: ReadonlySet<string> = new Set(['text/plain', 'application/x-www-form-urlencoded']);

/** What Chromium 156 sends for a page's cross-origin fetch (test/browser-facts.md). */
const scripted = { 'sec-fetch-mode': 'cors', 'sec-fetch-dest': 'empty' } as const;

/**
 * The portal page's POST of the token: only from the portal's exact origin (what duplo-jit
 * checks), as a script's fetch, with a declared length under the limit, so the body is read
 * only for a request that is otherwise the handoff.
 */
export function checkHandoffPost(request: { url?: string | undefined; headers: IncomingHttpHeaders }, portal: string): { ok: true; body: HandoffBody; length: number } | HandoffRefusal {
  const body = handoffBodies[request.url ?? ''];
  if (body === undefined) return refuse(404, 'the path is not / or /v2/callbackWithOtp');
  if (single(request.headers.origin) !== portal) return refuse(400, 'the Origin header is not the portal');
  for (const [name, value] of Object.entries(scripted)) {
    if (single(request.headers[name]) !== value) return refuse(400, `${name} is not ${value}`);
  }
  const type = single(request.headers['content-type'])?.split(';')[0]?.trim().toLowerCase() ?? '';
  if (!simpleTypes.has(type)) return refuse(415, 'the content type is not text/plain or application/x-www-form-urlencoded');
  const length = Number(single(request.headers['content-length']) ?? Number.NaN);
  if (!Number.isInteger(length) || length < 1) return refuse(400, 'the body has no declared length');
  if (length > handoffBodyLimit) return refuse(413, `the body is over ${handoffBodyLimit} bytes`);
  return { ok: true, body, length };
}
