import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoPortal, type DemoPortal } from '../portal/index';
import { startBridgeBrowser, waitFor, type BridgeSetup } from '../support/bridge-browser';
import { runCli } from '../support/run-cli';

let portal: DemoPortal;
let setup: BridgeSetup;
let credentialFiles: string;

beforeAll(async () => {
  portal = await startDemoPortal();
  setup = await startBridgeBrowser(portal, { approvalPolicy: 'never-ask' });
  credentialFiles = join(setup.dir, 'cache', 'duplo-jit-bridge', 'credentials');
}, 60_000);
afterAll(async () => {
  await setup?.browser.close();
  await portal?.stop();
});

const jitCalls = () => portal.counters()['subscriptions/{tenantId}/GetAwsConsoleTokenUrl'] ?? 0;

/** `aws` through the browser bridge (or with `extra` in the environment); the key ID it printed. */
async function awsKey(tenant: string, extra: Record<string, string> = {}): Promise<string> {
  const run = await runCli(['aws', '--host', portal.url, '--tenant', tenant], { ...setup.env, ...extra });
  expect(run).toMatchObject({ code: 0, stderr: '' });
  return (JSON.parse(run.stdout) as { AccessKeyId: string }).AccessKeyId;
}

describe.sequential('clear-cache through the browser bridge, in the real browser', () => {
  it("with --host, removes that portal's files and the browser's held keys: the next aws call makes a new JIT call", { timeout: 90_000 }, async () => {
    const held = await awsKey('dev01');
    expect(await awsKey('dev01')).toBe(held);
    // An API token's credentials go to the file cache, which clear-cache empties too.
    await awsKey('qa', { DUPLO_TOKEN: portal.login('admin@duplo.demo') });
    const calls = jitCalls();

    // Two: dev01's, and the admin keys the worker asked for to learn that this user is an admin.
    const cleared = await runCli(['clear-cache', '--host', portal.url], setup.env);
    expect(cleared).toMatchObject({
      code: 0,
      stderr: '',
      stdout: `Removed 1 cached credential file from ${credentialFiles}.\nThe browser forgot 2 held credentials for ${portal.url}.\n`,
    });

    expect(await awsKey('dev01')).not.toBe(held);
    expect(jitCalls()).toBe(calls + 1);
  });

  it("without --host, forgets every portal's", { timeout: 90_000 }, async () => {
    // Held now: dev01's new keys, and qa's.
    await awsKey('qa');
    const calls = jitCalls();
    const cleared = await runCli(['clear-cache'], setup.env);
    expect(cleared).toMatchObject({ code: 0, stderr: '', stdout: `No cached credential files in ${credentialFiles}.\nThe browser forgot 2 held credentials for every portal.\n` });
    await awsKey('qa');
    expect(jitCalls()).toBe(calls + 1);
  });

  it("with the browser closed, says the browser's cache was not reached and exits 0", { timeout: 90_000 }, async () => {
    await setup.browser.close();
    // The native host removes its socket when the browser closes its pipe.
    await waitFor(() => !existsSync(setup.env.DUPLO_JIT_BRIDGE_SOCKET!), 'the native host kept its socket after the browser closed', 30_000);
    const cleared = await runCli(['clear-cache', '--host', portal.url], setup.env);
    expect(cleared).toMatchObject({
      code: 0,
      stderr: '',
      stdout: `No cached credential files in ${credentialFiles}.\nThe browser's cache was not reached: no browser bridge answers (a browser that is not running holds no credentials).\n`,
    });
  });
});
