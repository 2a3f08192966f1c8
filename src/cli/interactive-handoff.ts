import type { IncomingMessage, ServerResponse } from 'node:http';
import { handoffAppName } from '../access/handoff';
import { BridgeFailure } from './bridge-failure';
import { checkHandoffRequest } from './handoff-request';
import { listenOnLoopback } from './loopback-listener';

/** The peers wait this long for the user to authorize in the browser. */
export const handoffTimeoutMs = 180_000;

function verifyTokenUrl(host: string, port: number, admin: boolean, extra: Record<string, string> = {}): string {
  const query = new URLSearchParams({ localAppName: handoffAppName, localPort: String(port), ...(admin ? { isAdmin: 'true' } : {}), ...extra });
  return `${host}/app/user/verify-token?${query}`;
}

export interface HandoffOptions {
  readonly host: string;
  readonly port?: number;
  readonly admin: boolean;
  readonly open: (url: string) => Promise<void>;
  /** A line on stderr the user sees without --debug. */
  readonly notice: (line: string) => void;
  readonly debug: (line: string) => void;
  readonly timeoutMs?: number;
}

/**
 * The portal's classic handoff, for `--interactive` when no browser bridge answers: a
 * listener on localhost receives `/?t=<token>` from the verify-token page. It takes one
 * well-formed handoff and closes. Anything else is refused without ending the wait: if a
 * stray or hostile request could end it, any local program could cancel every sign-in.
 * The token stays in memory: it is used once and never written anywhere.
 */
export async function tokenFromBrowser(options: HandoffOptions): Promise<string> {
  const { host, admin, open, notice, debug, timeoutMs = handoffTimeoutMs } = options;
  let opened = false;
  let refusals = 0;
  let settle: ((outcome: { token: string } | { error: BridgeFailure }) => void) | undefined;
  const outcome = new Promise<{ token: string } | { error: BridgeFailure }>((resolve) => (settle = resolve));

  const handle = (request: IncomingMessage, response: ServerResponse) => {
    const verdict = opened ? checkHandoffRequest(request, listener.port) : ({ ok: false, status: 404, reason: 'the sign-in page was not opened yet' } as const);
    if (!verdict.ok || !settle) {
      const reason = verdict.ok ? 'the sign-in already arrived' : verdict.reason;
      response.writeHead(verdict.ok ? 404 : verdict.status, { 'Content-Type': 'text/plain', Connection: 'close' }).end('Refused: this port takes only the DuploCloud portal\'s sign-in redirect.\n');
      debug(`refused a request on the sign-in port: ${reason}`);
      if (refusals++ === 0) notice(`refused a request on the sign-in port (${reason}): not the portal's redirect in your browser; still waiting for it`);
      return;
    }
    const accept = settle;
    settle = undefined;
    // Closing waits for the redirect to be written: the tab should land on the portal's "done" page.
    response.once('close', () => accept({ token: verdict.token }));
    response.writeHead(302, { Location: verifyTokenUrl(host, listener.port, admin, { success: 'true' }), Connection: 'close' }).end();
  };
  const listener = await listenOnLoopback(handle, { ...(options.port ? { port: options.port } : {}), debug });
  const timer = setTimeout(
    () => settle?.({ error: new BridgeFailure('TIMEOUT', `No sign-in arrived from ${host} within ${timeoutMs / 1000} s. Run the command again and choose Authorize in the browser.`) }),
    timeoutMs,
  );
  const page = verifyTokenUrl(host, listener.port, admin, { redirect: 'true' });
  debug(`listening for the sign-in on localhost:${listener.port}`);
  await open(page).catch(() => notice(`open this address to sign in: ${page}`));
  // Only now: nothing before the browser was sent to the portal's page can be its redirect.
  opened = true;
  const result = await outcome;
  clearTimeout(timer);
  listener.close();
  if ('error' in result) throw result.error;
  return result.token;
}
