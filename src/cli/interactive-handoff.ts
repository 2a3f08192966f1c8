import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseHandoffBody } from '../duplo/handoff-body';
import { verifyTokenUrl } from '../duplo/verify-token-url';
import { BridgeFailure } from './bridge-failure';
import { checkHandoffRequest, type HandoffRequest } from './handoff-request';
import { listenOnLoopback } from './loopback-listener';
import { loopbackPeerUids } from './loopback-peer';
import { readRequestBody } from './request-body';

/** The peers wait this long for the user to authorize in the browser. */
export const handoffTimeoutMs = 180_000;

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

/** What the portal handed over; the OTP only from MFA portals. Both stay in memory for this run. */
export interface Handoff {
  readonly token: string;
  readonly otp?: string;
}

type Secrets = { readonly handoff: Handoff; readonly posted: boolean } | { readonly refused: { status: number; reason: string } };

/** The handoff a request carries: in its URL, or (the page's POST) in a body read only after its headers passed. */
async function secretsIn(request: IncomingMessage & HandoffRequest, port: number, host: string): Promise<Secrets> {
  const verdict = checkHandoffRequest(request, port, host);
  if (!verdict.ok) return { refused: verdict };
  if ('token' in verdict) return { handoff: { token: verdict.token }, posted: false };
  const text = await readRequestBody(request, verdict.length);
  if (text === undefined) return { refused: { status: 400, reason: 'the body did not arrive whole, as UTF-8' } };
  const parsed = parseHandoffBody(verdict.body, text);
  if (!parsed.ok) return { refused: { status: 400, reason: parsed.reason } };
  return { handoff: parsed.otp ? { token: parsed.token, otp: parsed.otp } : { token: parsed.token }, posted: true };
}

/**
 * The portal's handoff, for `--interactive` when no browser bridge answers: a listener on
 * localhost receives the token from the verify-token page, by its redirect to `/?t=<token>`
 * or, on older and MFA portals, the page's POST. It takes one well-formed handoff and closes. Anything else is refused without ending the wait: if a
 * stray or hostile request could end it, any local program could cancel every sign-in.
 * The token stays in memory: it is used once and never written anywhere.
 */
export async function tokenFromBrowser(options: HandoffOptions): Promise<Handoff> {
  const { host, admin, open, notice, debug, timeoutMs = handoffTimeoutMs } = options;
  let opened = false;
  let refusals = 0;
  const uid = process.getuid?.();
  let settle: ((outcome: { handoff: Handoff } | { error: BridgeFailure }) => void) | undefined;
  const outcome = new Promise<{ handoff: Handoff } | { error: BridgeFailure }>((resolve) => (settle = resolve));

  const refuse = (response: ServerResponse, status: number, reason: string) => {
    response.writeHead(status, { 'Content-Type': 'text/plain', Connection: 'close' }).end("Refused: this port takes only the DuploCloud portal's sign-in redirect.\n");
    debug(`refused a request on the sign-in port: ${reason}`);
    if (refusals++ === 0) notice(`refused a request on the sign-in port (${reason}): not the portal's redirect in your browser; still waiting for it`);
  };
  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    if (!opened) return refuse(response, 404, 'the sign-in page was not opened yet');
    const secrets = await secretsIn(request, listener.port, host);
    if ('refused' in secrets) return refuse(response, secrets.refused.status, secrets.refused.reason);
    // Headers can be forged by any program; the kernel's socket table tells another user's apart (Linux).
    const owners = uid === undefined ? [] : await loopbackPeerUids(request.socket);
    if (owners.some((owner) => owner !== uid)) return refuse(response, 400, "it came from another Unix user's program");
    if (uid !== undefined && owners.length === 0) debug('cannot tell which user sent the sign-in; taking it on its headers alone');
    const accept = settle;
    if (!accept) return refuse(response, 404, 'the sign-in already arrived');
    settle = undefined;
    // Closing waits for the answer to be written: the tab should land on the portal's "done" page.
    response.once('close', () => accept({ handoff: secrets.handoff }));
    if (!secrets.posted) return response.writeHead(302, { Location: verifyTokenUrl(host, { port: listener.port, admin, step: 'success' }), Connection: 'close' }).end();
    // duplo-jit's answer, with the CORS headers that let the portal page's fetch read it.
    const cors = { 'Access-Control-Allow-Origin': host, 'Access-Control-Allow-Headers': 'X-Requested-With, Accept, Content-Type' };
    response.writeHead(200, { ...cors, 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close' }).end('"done"\n');
  };
  const listener = await listenOnLoopback((request, response) => void handle(request, response), { ...(options.port ? { port: options.port } : {}), debug });
  const timer = setTimeout(
    () => settle?.({ error: new BridgeFailure('TIMEOUT', `No sign-in arrived from ${host} within ${timeoutMs / 1000} s. Run the command again and choose Authorize in the browser.`) }),
    timeoutMs,
  );
  const page = verifyTokenUrl(host, { port: listener.port, admin, step: 'redirect' });
  debug(`listening for the sign-in on localhost:${listener.port}`);
  await open(page).catch(() => notice(`open this address to sign in: ${page}`));
  // Only now: nothing before the browser was sent to the portal's page can be its redirect.
  opened = true;
  const result = await outcome;
  clearTimeout(timer);
  listener.close();
  if ('error' in result) throw result.error;
  return result.handoff;
}
