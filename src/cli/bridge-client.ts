import type { Socket } from 'node:net';
import type { DecodedItem, DecodeFailure } from '../bridge/json-bytes';
import { createLineDecoder, encodeLine, maxResponseLineBytes } from '../bridge/line-framing';
import type { BridgeRequest, BridgeResponse } from '../bridge/protocol';
import { BridgeFailure } from './bridge-failure';
import { parseCompiled } from './compiled-schemas';
import { connectWhenFree } from '../rendezvous/socket-connect';

/** Under the 60 s the Go SDK (Terraform) gives a credential_process, so our error is what it prints. */
export const bridgeTimeoutMs = 58_000;
export const outdated = 'update duplo-jit-bridge and the extension together';

const unreadable: Record<Exclude<DecodeFailure, 'truncated'>, string> = {
  'too-long': 'The bridge sent an answer too large to be one.',
  'bad-utf8': 'The bridge sent an answer that is not UTF-8 text.',
  'bad-json': 'The bridge sent an answer that is not JSON.',
};

const dropped = () => new BridgeFailure('NO_BROWSER', 'The browser bridge stopped before answering (the browser or its native host closed). Retry; if it keeps happening, run "duplo-jit-bridge doctor".', true);

/** A complete answer line to a response, or to the failure that says what was wrong with it. */
function readAnswer(item: DecodedItem): BridgeResponse | BridgeFailure {
  if (!item.ok) return item.reason === 'truncated' ? dropped() : new BridgeFailure('BAD_REQUEST', unreadable[item.reason]);
  const parsed = parseCompiled('bridgeResponse', item.value);
  return parsed.ok ? parsed.value : new BridgeFailure('BAD_REQUEST', `The bridge sent an answer in an unknown form; ${outdated}.`);
}

function noBrowser(socket: string): BridgeFailure {
  return new BridgeFailure(
    'NO_BROWSER',
    `The browser with the DuploCloud JIT extension is not running (nothing answers at ${socket}). Start it, sign in to your portal, then retry; "duplo-jit-bridge doctor" checks the set-up.`,
  );
}

function unreachable(socket: string, error: NodeJS.ErrnoException, timeoutMs: number): BridgeFailure {
  if (error.code === 'ENOENT' || error.code === 'ECONNREFUSED') return noBrowser(socket);
  if (error.code === 'EAGAIN') {
    return new BridgeFailure('TIMEOUT', `The browser bridge at ${socket} was too busy to take the request for ${Math.round(timeoutMs / 1000)} s. Retry; if it keeps happening, run "duplo-jit-bridge doctor".`);
  }
  return new BridgeFailure('NO_BROWSER', `Cannot reach the browser bridge at ${socket} (${error.code ?? 'error'}).`);
}

/** One request over the host's socket, one response line back. */
export async function askBridge(socket: string, request: BridgeRequest, timeoutMs = bridgeTimeoutMs): Promise<BridgeResponse> {
  const giveUpAt = Date.now() + timeoutMs;
  const connection = await connectWhenFree(socket, giveUpAt).catch((error: NodeJS.ErrnoException) => {
    throw unreachable(socket, error, timeoutMs);
  });
  // Waiting for a busy host comes out of the same time-out, so the whole ask still ends in time.
  return exchange(socket, connection, request, Math.max(giveUpAt - Date.now(), 1));
}

function exchange(socket: string, connection: Socket, request: BridgeRequest, timeoutMs: number): Promise<BridgeResponse> {
  return new Promise((resolve, reject) => {
    const decoder = createLineDecoder({ maxBytes: maxResponseLineBytes });
    const settle = (answer: BridgeResponse | BridgeFailure) => {
      connection.destroy();
      if (answer instanceof BridgeFailure) reject(answer);
      else resolve(answer);
    };
    connection.setTimeout(timeoutMs, () => settle(new BridgeFailure('TIMEOUT', `The browser did not answer within ${Math.round(timeoutMs / 1000)} s. Check for an approval prompt in the browser, then retry.`)));
    connection.on('error', (error: NodeJS.ErrnoException) => settle(unreachable(socket, error, timeoutMs)));
    connection.write(encodeLine(request));
    connection.on('data', (chunk: Buffer) => {
      const item = decoder.push(chunk);
      if (item !== undefined) settle(readAnswer(item));
    });
    // A bare close (no bytes) and a cut-off line both mean the bridge went away mid-request.
    connection.on('end', () => settle(readAnswer(decoder.end() ?? { ok: false, reason: 'truncated' })));
  });
}
