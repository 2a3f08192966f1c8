import { askBridge } from '../../src/cli/bridge-client';
import { BridgeFailure } from '../../src/cli/bridge-failure';
import { runCli, type CliRun } from './run-cli';

/**
 * Starts requests at a steady rate for a while and prints them all as one JSON array of
 * CliRun. `process` runs the whole CLI each time; `socket` sends the CLI's request over the
 * bridge socket from this process, for rates that process starts on 2 cores cannot reach.
 * A process of its own because a fork costs its parent time that grows with the parent's
 * memory: from a test worker, even 10 starts a second fall behind.
 * Usage: cli-stream.ts '<StreamPlan as JSON>' (the socket comes in DUPLO_JIT_BRIDGE_SOCKET).
 */
interface StreamPlan {
  readonly mode: 'process' | 'socket';
  readonly perSecond: number;
  readonly ms: number;
  readonly portal: string;
  /** Each request takes the next of these in turn: a tenant name, `admin` or `duplo-ops`. */
  readonly scopes: readonly string[];
}

const plan = JSON.parse(process.argv[2] ?? '') as StreamPlan;
const socket = process.env.DUPLO_JIT_BRIDGE_SOCKET ?? '';

const scopeFlags = (scope: string) => (scope === 'admin' || scope === 'duplo-ops' ? [`--${scope}`] : ['--tenant', scope]);

async function overSocket(scope: string, n: number): Promise<CliRun> {
  const started = performance.now();
  const request = { v: 1 as const, id: `stream-${n}`, op: 'aws-credentials' as const, portal: plan.portal, scope, client: { pid: process.pid, ppid: process.ppid, command: 'cli-stream' } };
  const done = (code: number, stdout: string, stderr: string): CliRun => ({ code, stdout, stderr, ms: performance.now() - started });
  try {
    const response = await askBridge(socket, request);
    return response.ok ? done(0, JSON.stringify(response.result), '') : done(1, '', `${response.error.code}: ${response.error.message}`);
  } catch (error) {
    return done(1, '', error instanceof BridgeFailure ? `${error.code}: ${error.message}` : String(error));
  }
}

const runs: Promise<CliRun>[] = [];
const started = Date.now();
for (let n = 0; Date.now() - started < plan.ms; n++) {
  const scope = plan.scopes[n % plan.scopes.length]!;
  runs.push(plan.mode === 'process' ? runCli(['aws', '--host', plan.portal, ...scopeFlags(scope)]) : overSocket(scope, n));
  const next = started + ((n + 1) * 1000) / plan.perSecond;
  await new Promise((tick) => setTimeout(tick, Math.max(0, next - Date.now())));
}
process.stdout.write(JSON.stringify(await Promise.all(runs)));
