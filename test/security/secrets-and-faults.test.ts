import { existsSync } from 'node:fs';
import { lstat, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoPortal, type DemoPortal, type DemoTenant } from '../portal/index';
import { startBridgeBrowser, type BridgeSetup } from '../support/bridge-browser';
import { askWorker, popupUrl } from '../support/portal-browser';
import { runCli, type CliRun } from '../support/run-cli';

/** End to end: no secret the portal issued lands in a log, a dump or a file; then the host dies and the browser closes. */
let portal: DemoPortal;
let setup: BridgeSetup;
const hostLog = join(tmpdir(), `duplo-jit-sec-host-${process.pid}.log`);
const teeScript = join(tmpdir(), `duplo-jit-sec-tee-${process.pid}.cjs`);
const cliRuns: CliRun[] = [];

/** Preloaded into every node the browser starts (the host): copies its stderr into hostLog. */
const teeSource = `const { appendFileSync } = require('node:fs');
const write = process.stderr.write.bind(process.stderr);
process.stderr.write = (chunk, ...rest) => {
  try { appendFileSync(${JSON.stringify(hostLog)}, chunk); } catch {}
  return write(chunk, ...rest);
};`;

beforeAll(async () => {
  // Only this test file's child processes (the browser, so the host; the CLI) see this.
  await writeFile(teeScript, teeSource);
  process.env.NODE_OPTIONS = `--require ${teeScript}`;
  portal = await startDemoPortal();
  setup = await startBridgeBrowser(portal, { approvalPolicy: 'never-ask' });
}, 60_000);
afterAll(async () => {
  await setup?.browser.close();
  await portal?.stop();
  await Promise.all([rm(teeScript, { force: true }), rm(hostLog, { force: true })]);
});

async function aws(...scope: string[]): Promise<CliRun> {
  const run = await runCli(['aws', '--host', portal.url, ...scope], setup.env);
  cliRuns.push(run);
  return run;
}

const jitEndpoint = 'subscriptions/{tenantId}/GetAwsConsoleTokenUrl';
const jitCalls = () => portal.counters()[jitEndpoint] ?? 0;
const wentAway = 'duplo-jit-bridge: the browser bridge went away before answering; waiting up to 45 s for it to come back\n';
const cameBack = 'duplo-jit-bridge: the browser bridge is back; asked again\n';

/**
 * Starts `aws` for a tenant nobody asked for yet (so no cached keys answer it) with the
 * portal's JIT call slowed, and returns once that call is in flight: whatever the load, a
 * fault injected then lands mid-request. The caller clears the portal's faults.
 */
async function awsInFlight(latencyMs: number): Promise<{ tenant: DemoTenant; run: Promise<CliRun> }> {
  portal.setFaults([{ endpoint: jitEndpoint, latencyMs }]);
  const asked = new Set(portal.issuedCredentials().map((credentials) => credentials.scope));
  const fresh = portal.tenants.find((tenant) => !asked.has(tenant.id))!;
  const before = jitCalls();
  const run = aws('--tenant', fresh.name);
  await expect.poll(jitCalls, { timeout: 10_000, interval: 50 }).toBeGreaterThan(before);
  return { tenant: fresh, run };
}

/** Every file under `dir`, as [path, text]; sockets and folders skipped. */
async function filesUnder(dir: string): Promise<[string, string][]> {
  if (!existsSync(dir)) return [];
  const out: [string, string][] = [];
  for (const entry of await readdir(dir, { recursive: true })) {
    const path = join(dir, entry);
    // Chromium's Singleton* entries are symbolic links, and files come and go while it runs.
    const text = (await lstat(path).catch(() => undefined))?.isFile() ? await readFile(path, 'latin1').catch(() => undefined) : undefined;
    if (text !== undefined) out.push([path, text]);
  }
  return out;
}

const hostPids = async () => [...(await readFile(hostLog, 'utf8').catch(() => '')).matchAll(/duplo-jit-bridge host (\d+): started/g)].map((match) => Number(match[1]));
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('secrets after a full run, and faults', () => {
  it('the CLI gets keys through the bridge for admin and a tenant, and the popup copies keys', async () => {
    expect((await aws('--admin')).code).toBe(0);
    expect((await aws('--tenant', 'dev01')).code).toBe(0);
    const page = await setup.browser.context.newPage();
    await page.goto(popupUrl);
    const copied = await askWorker(page, { type: 'copy-keys', origin: portal.url, scope: portal.tenants.find((tenant) => tenant.name === 'qa')!.id });
    expect(copied, JSON.stringify(copied)).toMatchObject({ ok: true });
    await page.close();
    expect(portal.issuedCredentials().length).toBeGreaterThanOrEqual(3);
  });

  it('the host killed mid-request: the CLI says so, waits for the extension to start a new host, and gets its answer', { timeout: 20_000 }, async () => {
    const [first] = await hostPids();
    expect(first).toBeDefined();
    const pending = await awsInFlight(3_000);
    process.kill(first!, 'SIGKILL');
    const run = await pending.run;
    portal.setFaults([]);
    expect(run.stderr).toBe(wentAway + cameBack);
    expect(run.code).toBe(0);
    const issued = portal.issuedCredentials().filter((credentials) => credentials.scope === pending.tenant.id).at(-1)!;
    expect(JSON.parse(run.stdout)).toMatchObject({ Version: 1, AccessKeyId: issued.AccessKeyId });
    // A new host took the killed one's place, and the next request is answered at once.
    expect((await hostPids()).filter((pid) => pid !== first).length).toBeGreaterThan(0);
    expect(existsSync(setup.env.DUPLO_JIT_BRIDGE_SOCKET!)).toBe(true);
    const next = await aws('--tenant', 'qa');
    expect(next).toMatchObject({ code: 0, stderr: '' });
  });

  it('the service worker stopped mid-request (CDP): its alarm wakes it, the CLI gets its answer, the next request works', { timeout: 60_000 }, async () => {
    const { context, extensionUrl } = setup.browser;
    const page = await context.newPage();
    await page.goto(`${extensionUrl}extension/handoff/index.html`);
    const cdp = await context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    const pending = await awsInFlight(2_000);
    await cdp.send('ServiceWorker.stopAllWorkers');
    // Nothing of ours is left to wake the worker: only its alarm can.
    await page.close();
    const run = await pending.run;
    portal.setFaults([]);
    expect(run.stderr).toBe(wentAway + cameBack);
    expect(run.code).toBe(0);
    // The stopped worker's portal call was lost with it; the woken worker made a new one.
    const issued = portal.issuedCredentials().filter((credentials) => credentials.scope === pending.tenant.id);
    expect(JSON.parse(run.stdout)).toMatchObject({ Version: 1, AccessKeyId: issued.at(-1)!.AccessKeyId });
    expect(run.ms).toBeLessThan(50_000);
    expect(await aws('--tenant', pending.tenant.name)).toMatchObject({ code: 0, stderr: '' });
  });

  it('no issued token or key is in any log, error, storage.local/sync dump, or file the product wrote', async () => {
    const secrets = portal.issuedSecrets().filter((secret) => secret.length >= 8);
    expect(secrets.length).toBeGreaterThan(5);
    const dumps = await setup.browser.worker.evaluate(async () => JSON.stringify([await chrome.storage.local.get(null), await chrome.storage.sync.get(null)]));
    const sources: [string, string][] = [
      ['host stderr', await readFile(hostLog, 'utf8')],
      ...cliRuns.map((run, n): [string, string] => [`CLI stderr ${n}`, run.stderr]),
      ['storage.local + storage.sync', dumps],
      ...(await filesUnder(setup.dir)),
      ...(await filesUnder(setup.browser.profileDir)),
    ];
    // The portal's own page keeps its login token in its localStorage: the portal's storage, not ours. AWS keys may not be there either.
    const awsKeys = portal.issuedCredentials().flatMap((issued) => [issued.SecretAccessKey, issued.SessionToken]);
    const portalsOwn = (where: string) => where.includes('/Default/Local Storage/');
    const found = sources.flatMap(([where, text]) =>
      (portalsOwn(where) ? awsKeys : secrets).filter((secret) => text.includes(secret)).map((secret) => `${where}: ${secret.slice(0, 12)}…`),
    );
    expect(found).toEqual([]);
    // Bridge mode keeps no credential cache on disk at all.
    expect(await filesUnder(join(setup.dir, 'cache', 'duplo-jit-bridge'))).toEqual([]);
  });

  it('the browser closed mid-request: the CLI says so within seconds, every host exits and its socket is removed', { timeout: 30_000 }, async () => {
    const pids = await hostPids();
    const pending = await awsInFlight(3_000);
    const closedAt = Date.now();
    await setup.browser.close();
    const run = await pending.run;
    portal.setFaults([]);
    expect(run).toMatchObject({
      code: 1,
      stdout: '',
      stderr: `${wentAway}duplo-jit-bridge: The browser closed before answering. Start it, then retry.\n`,
    });
    // Not the 45 s a stopped worker gets: the browser's process is gone, so nothing will come back.
    expect(Date.now() - closedAt).toBeLessThan(10_000);
    await expect.poll(() => pids.filter(alive), { timeout: 5_000, interval: 100 }).toEqual([]);
    expect(existsSync(setup.env.DUPLO_JIT_BRIDGE_SOCKET!), await readFile(hostLog, 'utf8')).toBe(false);
    expect(await readFile(hostLog, 'utf8')).toContain('the browser closed the connection; exiting');
  });
});
