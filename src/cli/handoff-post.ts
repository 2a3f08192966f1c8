import type { IncomingHttpHeaders } from 'node:http';
import { refuse, single, type HandoffRefusal } from './handoff-refusal';

/** `token`: the body is the token (older portals, to `/`); `token-and-otp`: JSON `{ token, otp }` (MFA portals, to `/v2/callbackWithOtp`). */
export type HandoffBody = 'token' | 'token-and-otp';

const bodies: Readonly<Record<string, HandoffBody>> = { '/': 'token', '/v2/callbackWithOtp': 'token-and-otp' };

/** Far above any portal token with its OTP; a bigger body is not a handoff. */
export const handoffBodyLimit = 16 * 1024;

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
  const body = bodies[request.url ?? ''];
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

/** A portal token: visible ASCII, no spaces, as every portal issues them. */
const tokenPattern = /^[\x21-\x7e]+$/;
/** An MFA code: digits; empty means the portal asked for none (duplo-jit's `omitempty`). */
const otpPattern = /^\d{4,12}$/;

export type HandoffSecrets = { readonly ok: true; readonly token: string; readonly otp?: string };

/** The token (and OTP) in a handoff body; reasons say what was wrong, never what was sent. */
export function parseHandoffBody(body: HandoffBody, text: string): HandoffSecrets | HandoffRefusal {
  if (body === 'token') return tokenPattern.test(text) ? { ok: true, token: text } : refuse(400, 'the body is not a portal token');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return refuse(400, 'the body is not JSON');
  }
  const { token, otp = '' } = typeof parsed === 'object' && parsed !== null ? (parsed as { token?: unknown; otp?: unknown }) : {};
  if (typeof token !== 'string' || !tokenPattern.test(token)) return refuse(400, 'the body has no portal token in "token"');
  if (typeof otp !== 'string' || (otp !== '' && !otpPattern.test(otp))) return refuse(400, 'the "otp" in the body is not 4 to 12 digits');
  return otp ? { ok: true, token, otp } : { ok: true, token };
}
