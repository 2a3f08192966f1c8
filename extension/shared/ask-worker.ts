import browser from 'webextension-polyfill';
import type { Reply, WorkerRequest } from '../../src/worker-messages/protocol';

/** Sends one request to the service worker; a worker that cannot answer becomes an error reply. */
export async function askWorker<T>(request: WorkerRequest): Promise<Reply<T>> {
  try {
    return (await browser.runtime.sendMessage(request)) as Reply<T>;
  } catch {
    return { ok: false, error: { code: 'BAD_MESSAGE', message: 'The extension did not answer. Reload it from chrome://extensions, then try again.' } };
  }
}
