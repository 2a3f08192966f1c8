/** `token`: the body is the token (older portals, to `/`); `token-and-otp`: JSON `{ token, otp }` (MFA portals, to `/v2/callbackWithOtp`). */
export type HandoffBody = 'token' | 'token-and-otp';

/** The paths the portal's page POSTs its handoff to, and the body each carries. */
export const handoffBodies: Readonly<Record<string, HandoffBody>> = { '/': 'token', '/v2/callbackWithOtp': 'token-and-otp' };

/** Far above any portal token with its OTP; a bigger body is not a handoff. */
export const handoffBodyLimit = 16 * 1024;

/** A portal token: visible ASCII, no spaces, as every portal issues them. */
const tokenPattern = /^[\x21-\x7e]+$/;
/** An MFA code: digits; empty means the portal asked for none (duplo-jit's `omitempty`). */
const otpPattern = /^\d{4,12}$/;

export type HandoffSecrets = { readonly ok: true; readonly token: string; readonly otp?: string };
export type BadHandoffBody = { readonly ok: false; readonly reason: string };

const bad = (reason: string): BadHandoffBody => ({ ok: false, reason });

/** The token (and OTP) in a handoff body; reasons say what was wrong, never what was sent. */
export function parseHandoffBody(body: HandoffBody, text: string): HandoffSecrets | BadHandoffBody {
  if (body === 'token') return tokenPattern.test(text) ? { ok: true, token: text } : bad('the body is not a portal token');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return bad('the body is not JSON');
  }
  const { token, otp = '' } = typeof parsed === 'object' && parsed !== null ? (parsed as { token?: unknown; otp?: unknown }) : {};
  if (typeof token !== 'string' || !tokenPattern.test(token)) return bad('the body has no portal token in "token"');
  if (typeof otp !== 'string' || (otp !== '' && !otpPattern.test(otp))) return bad('the "otp" in the body is not 4 to 12 digits');
  return otp ? { ok: true, token, otp } : { ok: true, token };
}
