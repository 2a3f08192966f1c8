import browser from 'webextension-polyfill';
import type { Reply, WorkerRequest } from '../../src/worker-messages/protocol';
import type { ReplyOf } from '../../src/worker';

/**
 * Sends one request to the service worker; a worker that cannot answer becomes an error reply.
 * The reply's type is the one the worker's handler for the request gives (WorkerHandlers).
 */
export async function askWorker<Request extends WorkerRequest>(request: Request): Promise<Reply<ReplyOf<Request['type']>>> {
  try {
    return (await browser.runtime.sendMessage(request)) as Reply<ReplyOf<Request['type']>>;
  } catch {
    return { ok: false, error: { code: 'BAD_MESSAGE', message: 'The extension did not answer. Reload it from chrome://extensions, then try again.' } };
  }
}
