import browser from 'webextension-polyfill';
import { nativeHostName } from '../../src/bridge/native-host-name';
import { peerLookup, type PeerLookup } from '../../src/worker';
import { ForwardedRequestSchema, PeerMessageSchema, errorResponse, protocolVersion, type BridgeResponse, type ForwardedRequest, type Peer } from '../../src/bridge/protocol';

const firstRetryMs = 1_000;
const lastRetryMs = 60_000;
const wakeAlarm = 'wake-bridge';
/** The host looks the peer up in well under this (its own budget is 2 s); past it the program counts as unverified. */
const identifyTimeoutMs = 3_000;
const unverified: Peer = { verified: false, pid: 0, exe: '', parentExe: '' };

/**
 * Keeps a native port to the host open: connects at start-up, and after the host dies
 * reconnects with backoff (the browser never restarts a host that exited by itself). Each
 * request from the host is answered on the same port, matched by its id.
 */
export function keepBridgeConnected(answer: (request: ForwardedRequest, lookup: PeerLookup) => Promise<BridgeResponse>, log: (line: string) => void): void {
  let retryMs = firstRetryMs;
  const connect = () => {
    const port = browser.runtime.connectNative(nativeHostName);
    // Identify asks waiting for the host's peer message, by host request id.
    const identifying = new Map<string, (peer: Peer) => void>();
    const askHost = (id: string) =>
      new Promise<Peer>((resolve) => {
        const timer = setTimeout(() => done(unverified), identifyTimeoutMs);
        const done = (peer: Peer) => {
          clearTimeout(timer);
          identifying.delete(id);
          resolve(peer);
        };
        identifying.set(id, done);
        port.postMessage({ v: protocolVersion, type: 'identify', id });
      });
    port.onMessage.addListener((message: unknown) => {
      retryMs = firstRetryMs;
      const peer = PeerMessageSchema.safeParse(message);
      if (peer.success) return identifying.get(peer.data.id)?.(peer.data.peer);
      const parsed = ForwardedRequestSchema.safeParse(message);
      if (!parsed.success) {
        const id = typeof message === 'object' && message !== null && 'id' in message && typeof message.id === 'string' ? message.id : '';
        port.postMessage(errorResponse(id, 'BAD_REQUEST', 'The extension could not read this request; update duplo-jit-bridge and the extension together.'));
        return;
      }
      const request = parsed.data;
      void answer(request, peerLookup(request.peer, () => askHost(request.id))).then((response) => {
        try {
          port.postMessage(response);
        } catch {
          // The host went away meanwhile; its client gets NO_BROWSER from the host's exit.
        }
      });
    });
    port.onDisconnect.addListener(() => {
      log(`native host disconnected: ${browser.runtime.lastError?.message ?? 'no reason given'}; retrying in ${retryMs / 1000} s`);
      setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, lastRetryMs);
    });
  };
  connect();
  // A stopped worker takes its host and socket down with it, and no local program can start it
  // again; this alarm does, within 30 s (Chrome's shortest period), and a CLI asking meanwhile
  // waits for the bridge to come back (src/cli/bridge-recovery.ts).
  void browser.alarms.create(wakeAlarm, { periodInMinutes: 0.5 });
  browser.alarms.onAlarm.addListener(() => undefined);
}
