import { handoffBodies, handoffBodyLimit, parseHandoffBody } from '../duplo/handoff-body';
import { handoffPort, type HandedOver } from './handoff';

/**
 * The older and MFA portals' handoff: the verify-token page's `fetch` POST of the token to the
 * handoff port. The extension cannot answer it (a redirect of a POST to its own origin reaches
 * its file loader, not its worker: test/browser-facts.md), so it reads the request as the
 * browser sends it while a rule for the sign-in tab blocks it from any program listening there.
 */
export const handoffPostUrls = [`http://localhost:${handoffPort}/*`, `http://127.0.0.1:${handoffPort}/*`];

/** A request the browser sent, as its webRequest event tells it. */
export interface SentPost {
  readonly url: string;
  readonly method: string;
  /** The origin of the document that sent it. */
  readonly initiator?: string | undefined;
  /** The body, when it came as one piece of bytes (a string posted by a script does). */
  readonly body?: ArrayBuffer | undefined;
}

const postUrl = new RegExp(`^http://(?:localhost|127\\.0\\.0\\.1):${handoffPort}(/[^?#]*)$`);

function utf8(bytes: ArrayBuffer): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * The token (and MFA code) a POST hands over, when it is the portal page's handoff: sent by a
 * document of the pending portal's exact origin (what duplo-jit checks) to `/` or
 * `/v2/callbackWithOtp`, with a body of the expected form. Anything else is no handoff.
 */
export function readHandoffPost(post: SentPost, portal: string): HandedOver | undefined {
  const body = handoffBodies[postUrl.exec(post.url)?.[1] ?? ''];
  if (post.method !== 'POST' || post.initiator !== portal || !body || !post.body || post.body.byteLength > handoffBodyLimit) return undefined;
  const text = utf8(post.body);
  const parsed = text === undefined ? undefined : parseHandoffBody(body, text);
  if (!parsed?.ok) return undefined;
  return parsed.otp ? { token: parsed.token, otp: parsed.otp } : { token: parsed.token };
}
