/**
 * MFA codes the portal's page handed over with a token (`/v2/callbackWithOtp`), by portal.
 * Held in the worker's memory only, never in storage: a stopped worker forgets them, and the
 * portal's admin calls then say OTP_REQUIRED until the user signs in again. A code serves only
 * the token it came with, so another user's token never goes out with it.
 */
export function createHandoffOtps() {
  const held = new Map<string, { readonly token: string; readonly otp: string }>();
  return {
    hold(origin: string, token: string, otp: string): void {
      held.set(origin, { token, otp });
    },
    for(origin: string, token: string): string | undefined {
      const entry = held.get(origin);
      return entry?.token === token ? entry.otp : undefined;
    },
    drop(origin: string): void {
      held.delete(origin);
    },
  };
}
export type HandoffOtps = ReturnType<typeof createHandoffOtps>;
