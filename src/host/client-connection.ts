import type { Socket } from 'node:net';
import { createLineDecoder, encodeLine, maxRequestLineBytes } from '../bridge/line-framing';
import { errorResponse, type BridgeErrorCode, type BridgeRequest, type BridgeResponse, type ForwardedRequest, type Peer } from '../bridge/protocol';
import { unverifiedPeer } from './peer-identity';
import { readRequest } from './read-request';

export interface ClientOptions {
  /** How long a client has to send its whole request line (a deadline, not reset by each byte). */
  readTimeoutMs: number;
  /** How long the extension has to answer a forwarded request. */
  answerTimeoutMs: number;
  /** Which program is at the other end of this connection. */
  identify(request: BridgeRequest): Promise<Peer>;
  /** Hands a valid request on to the extension; returns the host-side id it was sent under. */
  forward(request: ForwardedRequest): string;
  /** Called once, as soon as the client has its answer or has gone, so a late answer finds no one. */
  onSettled(hostId: string | undefined): void;
  log(line: string): void;
}

export interface Client {
  /** Sends the response under the client's own id, then closes. Later calls do nothing. */
  answer(response: BridgeResponse): void;
  fail(code: BridgeErrorCode, message: string): void;
  /** The program at the other end, found once, when the extension first asks. */
  peer(): Promise<Peer>;
}

const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;

/** One CLI connection: one request line in, one response line out, then close. */
export function serveClient(socket: Socket, options: ClientOptions): Client {
  const decoder = createLineDecoder({ maxBytes: maxRequestLineBytes });
  let clientId = '';
  let hostId: string | undefined;
  let answered = false;
  let settled = false;
  let forwarded: BridgeRequest | undefined;
  let peer: Promise<Peer> | undefined;

  const settle = () => {
    if (settled) return;
    settled = true;
    clearTimeout(timer);
    options.onSettled(hostId);
  };
  const answer = (response: BridgeResponse) => {
    if (answered) return;
    answered = true;
    settle();
    socket.end(encodeLine({ ...response, id: clientId }));
  };
  const fail = (code: BridgeErrorCode, message: string) => answer(errorResponse(clientId, code, message));

  let timer = setTimeout(() => {
    options.log('a client sent no complete request line in time; closing it');
    fail('BAD_REQUEST', `No complete request line arrived within ${seconds(options.readTimeoutMs)}.`);
  }, options.readTimeoutMs);

  socket.on('data', (chunk: Buffer) => {
    const item = decoder.push(chunk);
    if (item === undefined || answered) return;
    clearTimeout(timer);
    const reading = readRequest(item);
    if (!reading.ok) {
      clientId = reading.id;
      options.log(`bad request from a client: ${reading.message}`);
      return fail('BAD_REQUEST', reading.message);
    }
    const request = reading.request;
    clientId = request.id;
    forwarded = request;
    // The client cannot speak for itself here: the schema dropped any `peer` it sent.
    hostId = options.forward({ ...request, peer: 'on-request' });
    timer = setTimeout(() => {
      options.log(`request ${hostId} (${request.op}) got no answer in time`);
      fail('TIMEOUT', `The browser extension did not answer within ${seconds(options.answerTimeoutMs)}. Check the browser for an approval prompt, then retry.`);
    }, options.answerTimeoutMs);
  });
  // 'close' follows every error and does the clean-up; a client resetting the connection is not news.
  socket.on('error', () => undefined);
  socket.on('close', () => {
    if (!answered && hostId !== undefined) options.log(`the client of request ${hostId} left before its answer`);
    else if (!answered && decoder.end() !== undefined) options.log('a client closed the connection in the middle of its request line');
    settle();
  });
  return { answer, fail, peer: () => (peer ??= forwarded ? options.identify(forwarded) : Promise.resolve(unverifiedPeer)) };
}
