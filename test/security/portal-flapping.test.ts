import { readdir, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoPortal, type DemoPortal } from '../portal/index';
import { startBridgeBrowser, type BridgeSetup } from '../support/bridge-browser';
import { runProcess, type CliRun } from '../support/run-cli';

/**
 * A portal that flaps between answering and 503 for a minute while 20 requests a second come
 * through the bridge as the CLI sends them, and real CLI processes besides (2 cores start
 * only a few Node processes a second next to Chromium). Keys valid for 10 minutes are never
 * reused (the 15-minute rule), so requests keep going to the portal.
 */
const soakMs = Number(process.env.SOAK_MS ?? 60_000);
const socketPerSecond = 20;
const processesPerSecond = 3;
const flapMs = 1_500;
const streamScript = resolve(import.meta.dirname, '../support/cli-stream.ts');
const scopes = ['dev01', 'qa', 'admin', 'duplo-ops'];

let portal: DemoPortal;
let setup: BridgeSetup;

beforeAll(async () => {
  portal = await startDemoPortal({ jitValiditySeconds: 600 });
  setup = await startBridgeBrowser(portal, { approvalPolicy: 'never-ask' }, { extraArgs: ['--js-flags=--expose-gc'] });
}, 60_000);
afterAll(async () => {
  await setup?.browser.close();
  await portal?.stop();
});

/** The pid of the native host serving this test's socket (other test files run hosts of their own). */
async function hostPid(): Promise<number> {
  const socket = `DUPLO_JIT_BRIDGE_SOCKET=${setup.env.DUPLO_JIT_BRIDGE_SOCKET}`;
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const [command, environment] = await Promise.all([readFile(`/proc/${entry}/cmdline`, 'utf8'), readFile(`/proc/${entry}/environ`, 'utf8')]).catch(() => ['', '']);
    if (command.includes('duplo-jit-bridge.cjs\0host') && environment.split('\0').includes(socket)) return Number(entry);
  }
  throw new Error('no native host found for this test');
}

const hostRssKb = async (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(await readFile(`/proc/${pid}/status`, 'utf8'))?.[1]);
/**
 * The worker's live JS heap after a full collection (Chromium started with --expose-gc), read
 * over CDP: a service worker has no performance.memory.
 */
async function workerHeapBytes(): Promise<number> {
  await setup.browser.worker.evaluate(() => (globalThis as unknown as { gc(): void }).gc());
  const browser = setup.browser.context.browser();
  if (!browser) throw new Error('no browser to open a CDP session on');
  const cdp = await browser.newBrowserCDPSession();
  try {
    const { targetInfos } = await cdp.send('Target.getTargets');
    const target = targetInfos.find((info) => info.type === 'service_worker' && info.url === setup.browser.worker.url());
    if (!target) throw new Error('the service worker target is gone');
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
    const usage = new Promise<number>((resolve) => {
      cdp.on('Target.receivedMessageFromTarget', (event) => {
        const reply = JSON.parse(event.message) as { id?: number; result?: { usedSize: number } };
        if (reply.id === 1 && reply.result) resolve(reply.result.usedSize);
      });
    });
    await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: 1, method: 'Runtime.getHeapUsage' }) });
    return await usage;
  } finally {
    await cdp.detach();
  }
}

/** Requests at a steady rate for `ms`, whatever the earlier ones are doing, from a helper process (test/support/cli-stream.ts). */
async function stream(mode: 'process' | 'socket', perSecond: number, ms: number): Promise<CliRun[]> {
  const plan = { mode, perSecond, ms, portal: portal.url, scopes };
  const run = await runProcess(process.execPath, ['--import', 'tsx', streamScript, JSON.stringify(plan)], setup.env);
  if (run.code !== 0) throw new Error(`cli-stream failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as CliRun[];
}

const jitCalls = () => portal.counters()['subscriptions/{tenantId}/GetAwsConsoleTokenUrl'] ?? 0;

/** How many runs ended with each distinct stderr. */
function tally(runs: readonly CliRun[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const run of runs) counts[run.stderr] = (counts[run.stderr] ?? 0) + 1;
  return counts;
}

describe('a portal flapping between 200 and 503 for a minute, under 20 CLI requests a second', () => {
  it('answers every request or fails it with a clear code in time, and the host and worker memory stay flat', { timeout: soakMs + 90_000 }, async () => {
    await stream('socket', socketPerSecond, 2_000);
    const pid = await hostPid();
    const before = { host: await hostRssKb(pid), worker: await workerHeapBytes(), jit: jitCalls() };

    let failing = false;
    const flapper = setInterval(() => {
      failing = !failing;
      portal.setFaults(failing ? [{ status: 503 }] : []);
    }, flapMs);
    let socketRuns: CliRun[];
    let processRuns: CliRun[];
    try {
      [socketRuns, processRuns] = await Promise.all([stream('socket', socketPerSecond, soakMs), stream('process', processesPerSecond, soakMs)]);
    } finally {
      clearInterval(flapper);
      portal.setFaults([]);
    }

    const after = { host: await hostRssKb(pid), worker: await workerHeapBytes(), jit: jitCalls() };
    const all = [...socketRuns, ...processRuns];
    const answered = all.filter((run) => run.code === 0);
    const slowest = Math.max(...all.map((run) => run.ms));
    const figures = {
      socketRequests: socketRuns.length,
      cliProcesses: processRuns.length,
      answered: answered.length,
      portalJitCalls: after.jit - before.jit,
      slowestMs: Math.round(slowest),
      hostRssKb: [before.host, after.host],
      workerHeapKb: [Math.round(before.worker / 1024), Math.round(after.worker / 1024)],
      socketFailures: tally(socketRuns.filter((run) => run.code !== 0)),
      cliFailures: tally(processRuns.filter((run) => run.code !== 0)),
    };
    console.info(`portal flapping soak: ${JSON.stringify(figures, null, 2)}`);

    // The soak really happened: the stream (a test process) keeps up with most of its plan even
    // when the machine is loaded far past two burners (801 of 1,200 seen at a load of 35).
    expect(socketRuns.length).toBeGreaterThanOrEqual((soakMs / 1000) * socketPerSecond * 0.5);
    expect(processRuns.length).toBeGreaterThanOrEqual((soakMs / 1000) * processesPerSecond * 0.3);
    // How many land in an answering spell depends on the load (61–73% seen); both kinds must occur.
    expect(answered.length).toBeGreaterThan(all.length / 4);
    expect(answered.length).toBeLessThan(all.length);
    expect(after.jit - before.jit).toBeGreaterThan(soakMs / 1000);
    for (const run of answered) expect(JSON.parse(run.stdout)).toMatchObject({ Version: 1, AccessKeyId: expect.stringMatching(/^ASIA/) as unknown });
    // A failure is the portal's trouble in one sentence, under the bridge's stable code.
    const unavailable = `${new URL(portal.url).host} answered with a server error (HTTP 503). The portal said: "Demo fault: 503 Service Unavailable". The trouble is on the portal's side: try again in a minute, and tell your DuploCloud administrator if it lasts.`;
    for (const stderr of Object.keys(figures.socketFailures)) expect(stderr).toBe(`PORTAL_ERROR: ${unavailable}`);
    for (const stderr of Object.keys(figures.cliFailures)) expect(stderr).toBe(`duplo-jit-bridge: ${unavailable}\n`);
    // Well under the 58 s the CLI allows the bridge, and the 60 s the Go SDK allows the CLI.
    expect(slowest).toBeLessThan(30_000);
    expect(after.host - before.host).toBeLessThan(16 * 1024);
    expect(after.worker - before.worker).toBeLessThan(2 * 1024 * 1024);
    // Once the portal is steady again, so is the bridge.
    const [calm] = await stream('socket', 1, 1);
    expect(calm).toMatchObject({ code: 0, stderr: '' });
  });
});
