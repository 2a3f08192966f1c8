/**
 * The portal's verify-token page: the sign-in handoff. Opened with `redirect=true` it asks the
 * user to authorize, then sends the token to `http://localhost:<localPort>/?t=...`; the local
 * app then sends the tab back with `success=true`, the page that says the sign-in is done.
 */
const verifyTokenPath = '/app/user/verify-token';
const localAppName = 'duplo-jit-bridge';

export interface VerifyTokenPage {
  /** The loopback port the page hands the token to. */
  readonly port: number;
  /** Asks for an administrator's token: for `--admin` and `--duplo-ops`. */
  readonly admin?: boolean;
  /** `redirect`: the page that hands the token over; `success`: the page that says it arrived. */
  readonly step: 'redirect' | 'success';
}

export function verifyTokenUrl(origin: string, { port, admin = false, step }: VerifyTokenPage): string {
  const query = new URLSearchParams({ localAppName, localPort: String(port), ...(admin ? { isAdmin: 'true' } : {}), [step]: 'true' });
  return `${origin}${verifyTokenPath}?${query}`;
}

/** Whether `page` is the verify-token page of the `success` step, where a sign-in ends. */
export function isVerifyTokenSuccess(page: URL): boolean {
  return page.pathname === verifyTokenPath && page.searchParams.get('success') === 'true';
}
