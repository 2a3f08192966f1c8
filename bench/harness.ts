import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import type { BridgeRequest } from '../src/bridge/protocol';
import { askBridge } from '../src/cli/bridge-client';
import { startDemoPortal, type DemoPortal, type FaultRule } from '../test/portal/index';
import { startBridgeBrowser, type BridgeSetup } from '../test/support/bridge-browser';
import { keysInWorker, storeInWorker } from '../test/support/portal-browser';
import { runCli } from '../test/support/run-cli';

/** What every browser benchmark shares: one demo portal, one Chromium signed in on it, its host's socket. */
export interface Bench {
  readonly portal: DemoPortal;
  readonly bridge: BridgeSetup;
  readonly socket: string;
  readonly chromium: string;
  /** A bridge request as the CLI builds it, for a tenant name, `admin`, or no scope. */
  request(op: BridgeRequest['op'], scope?: string): BridgeRequest;
  /** One request over the socket; throws unless the extension answered ok. */
  ask(op: BridgeRequest['op'], scope?: string): Promise<unknown>;
  /** `duplo-jit-bridge aws --host <portal> --tenant <name>` as a whole process. */
  awsProcess(tenant: string): Promise<number>;
  /** Forgets every cached credential in the worker, so the next ask goes to the portal. */
  forgetCredentials(): Promise<void>;
  setFaults(rules: FaultRule[]): void;
  stop(): Promise<void>;
}

export async function startBench(): Promise<Bench> {
  const portal = await startDemoPortal();
  // "never-ask": an approval window would measure a person, not the bridge.
  const bridge = await startBridgeBrowser(portal, { approvalPolicy: 'never-ask' });
  const socket = bridge.env.DUPLO_JIT_BRIDGE_SOCKET!;
  const chromium = bridge.browser.context.browser()?.version() ?? 'unknown';
  const request = (op: BridgeRequest['op'], scope?: string): BridgeRequest => ({
    v: 1,
    id: randomUUID(),
    op,
    portal: portal.url,
    ...(scope ? { scope } : {}),
    client: { pid: process.pid, ppid: process.ppid, command: 'bench' },
  });
  return {
    portal,
    bridge,
    socket,
    chromium,
    request,
    async ask(op, scope) {
      const response = await askBridge(socket, request(op, scope), 30_000);
      if (!response.ok) throw new Error(`bridge ${op} ${scope ?? ''}: ${response.error.code} ${response.error.message}`);
      return response.result;
    },
    async awsProcess(tenant) {
      const run = await runCli(['aws', '--host', portal.url, '--tenant', tenant], bridge.env);
      if (run.code !== 0) throw new Error(`duplo-jit-bridge aws failed: ${run.stderr}`);
      return run.ms;
    },
    async forgetCredentials() {
      // The credential cache lives in storage.session under "credentials:<origin> <scope>".
      const { worker } = bridge.browser;
      const held = (await keysInWorker(worker, 'memory')).filter((key) => key.startsWith('credentials:'));
      await Promise.all(held.map((key) => storeInWorker(worker, 'memory', key, undefined)));
    },
    setFaults: (rules) => portal.setFaults(rules),
    async stop() {
      await bridge.browser.close();
      await portal.stop();
      await rm(bridge.dir, { recursive: true, force: true });
    },
  };
}
