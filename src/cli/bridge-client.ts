import type { Socket } from 'node:net';
import type { BridgeRequest, BridgeResponse } from '../bridge/protocol';
import { BridgeFailure } from './bridge-failure';
import { parseCompiled } from './compiled-schemas';
import { connectWhenFree } from '../rendezvous/socket-connect';

/** Under the 60 s the Go SDK (Terraform) gives a credential_process, so our error is what it prints. */
export const bridgeTimeoutMs = 58_000;
const maxResponseBytes = 2 * 1024 * 1024;
export const outdated = 'update duplo-jit-bridge and the extension together';

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
    let buffered = '';
    const fail = (error: BridgeFailure) => {
      connection.destroy();
      reject(error);
    };
    connection.setTimeout(timeoutMs, () => fail(new BridgeFailure('TIMEOUT', `The browser did not answer within ${Math.round(timeoutMs / 1000)} s. Check for an approval prompt in the browser, then retry.`)));
    connection.on('error', (error: NodeJS.ErrnoException) => fail(unreachable(socket, error, timeoutMs)));
    connection.write(`${JSON.stringify(request)}\n`);
    connection.setEncoding('utf8');
    connection.on('data', (chunk: string) => {
      buffered += chunk;
      if (buffered.length > maxResponseBytes) return fail(new BridgeFailure('BAD_REQUEST', 'The bridge sent an answer too large to be one.'));
      const end = buffered.indexOf('\n');
      if (end < 0) return;
      connection.end();
      let json: unknown;
      try {
        json = JSON.parse(buffered.slice(0, end));
      } catch {
        return reject(new BridgeFailure('BAD_REQUEST', 'The bridge sent an answer that is not JSON.'));
      }
      const parsed = parseCompiled('bridgeResponse', json);
      if (parsed.ok) resolve(parsed.value);
      else reject(new BridgeFailure('BAD_REQUEST', `The bridge sent an answer in an unknown form; ${outdated}.`));
    });
    connection.on('end', () => {
      if (!buffered.includes('\n')) fail(new BridgeFailure('NO_BROWSER', 'The browser bridge stopped before answering (the browser or its native host closed). Retry; if it keeps happening, run "duplo-jit-bridge doctor".', true));
    });
  });
}
