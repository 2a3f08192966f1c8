import type { BridgeRequest, BridgeResponse } from '../bridge/protocol';
import { isRunning, readBrowserPid } from '../rendezvous/browser-pid';
import { askBridge, bridgeTimeoutMs } from './bridge-client';
import { BridgeFailure } from './bridge-failure';

/**
 * How long a request waits for a bridge that went away while answering it: the extension
 * starts a new host a second after one dies, and its alarm wakes a stopped service worker
 * (which takes its host down with it) within 30 s; the rest is room for a loaded machine.
 * The whole request still ends within bridgeTimeoutMs, under the Go SDK's 60 s.
 */
export const bridgeReturnWaitMs = 45_000;
const pollMs = 200;

type Outcome = BridgeResponse | BridgeFailure;

const wentAway = (outcome: Outcome) => (outcome instanceof BridgeFailure ? outcome.dropped : !outcome.ok && outcome.error.code === 'NO_BROWSER');
const unreachable = (outcome: Outcome) => outcome instanceof BridgeFailure && outcome.code === 'NO_BROWSER' && !outcome.dropped;

/**
 * One request, asked again if the bridge took it and then went away (its host killed, the
 * worker stopped): the program that ran us gets its answer late rather than an error. A bridge
 * that is not there at all, or whose browser has exited, fails at once: waiting helps nobody.
 */
export async function askBridgeRecovering(socket: string, request: BridgeRequest, notice: (line: string) => void, waitMs = bridgeReturnWaitMs): Promise<BridgeResponse> {
  const started = Date.now();
  const attempt = (timeoutMs: number): Promise<Outcome> =>
    askBridge(socket, request, timeoutMs).catch((error: unknown) => {
      if (error instanceof BridgeFailure) return error;
      throw error;
    });
  // Read before asking: a host whose browser closes removes the record as it exits, which can
  // come before this client sees its connection dropped.
  const browserBefore = readBrowserPid(socket);
  let outcome = await attempt(bridgeTimeoutMs);
  if (wentAway(outcome)) {
    notice(`the browser bridge went away before answering; waiting up to ${Math.round(waitMs / 1000)} s for it to come back`);
    const browser = browserBefore ?? readBrowserPid(socket);
    const deadline = Math.min(Date.now() + waitMs, started + bridgeTimeoutMs);
    const away = () => wentAway(outcome) || unreachable(outcome);
    do {
      await new Promise((tick) => setTimeout(tick, pollMs));
      outcome = await attempt(Math.max(deadline - Date.now(), pollMs));
      if (away() && browser !== undefined && !isRunning(browser)) throw new BridgeFailure('NO_BROWSER', 'The browser closed before answering. Start it, then retry.');
    } while (away() && Date.now() < deadline);
    if (away()) {
      throw new BridgeFailure(
        'NO_BROWSER',
        `The browser bridge went away before answering and did not come back within ${Math.round(waitMs / 1000)} s (was the browser closed?). Start the browser, then retry; "duplo-jit-bridge doctor" checks the set-up.`,
      );
    }
    notice('the browser bridge is back; asked again');
  }
  if (outcome instanceof BridgeFailure) throw outcome;
  return outcome;
}
