import { createHash } from 'node:crypto';
import { mkdtemp, readdir, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useDemoPortal } from '../support/demo-portal';
import { runCli } from '../support/run-cli';

const demo = useDemoPortal();
let env: Record<string, string>;
let cacheRoot: string;

beforeAll(async () => {
  cacheRoot = await mkdtemp(join(tmpdir(), 'duplo-jit-token-'));
  // No browser bridge at all: --token mode must not need one.
  env = { XDG_CACHE_HOME: cacheRoot, DUPLO_JIT_BRIDGE_SOCKET: join(cacheRoot, 'no-bridge.sock') };
});

/** What --token prints on stderr: test/e2e/token-sources.test.ts covers the safer forms. */
const tokenWarning =
  'duplo-jit-bridge: --token puts the token where every local user can read it (ps, /proc/PID/cmdline); use --token-file PATH (a file only you can read) or the DUPLO_TOKEN environment variable instead\n';

/** A token's mark in a cache file's name: the first 16 hex digits of its SHA-256. */
const markOf = (token: string) => createHash('sha256').update(token).digest('hex').slice(0, 16);

const jitCalls = () => demo.portal.counters()['subscriptions/{tenantId}/GetAwsConsoleTokenUrl'] ?? 0;

describe('--token mode, with no browser', () => {
  it('prints the credential_process JSON and caches it in 0600 files in a 0700 folder', async () => {
    const run = await runCli(['aws', '--host', demo.portal.url, '--tenant', 'dev01', '--token', demo.dev], env);
    expect(run).toMatchObject({ code: 0, stderr: tokenWarning });
    const output = JSON.parse(run.stdout) as Record<string, unknown>;
    const issued = demo.portal.issuedCredentials().at(-1)!;
    expect(Object.keys(output)).toEqual(['Version', 'AccessKeyId', 'SecretAccessKey', 'SessionToken', 'Region', 'ConsoleUrl', 'Expiration']);
    expect(output).toMatchObject({ Version: 1, AccessKeyId: issued.AccessKeyId, SecretAccessKey: issued.SecretAccessKey, Region: 'us-west-2' });
    expect(output.Expiration).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);

    const folder = join(cacheRoot, 'duplo-jit-bridge', 'credentials');
    expect((await stat(folder)).mode & 0o777).toBe(0o700);
    const files = await readdir(folder);
    expect(files).toEqual([`${new URL(demo.portal.url).host.replace(':', '_')},tenant,dev01,${markOf(demo.dev)}.json`]);
    expect((await stat(join(folder, files[0]!))).mode & 0o777).toBe(0o600);
  });

  it('reuses the cache, and --no-cache skips it', async () => {
    const before = jitCalls();
    const again = await runCli(['aws', '--host', demo.portal.url, '--tenant', 'dev01', '--token', demo.dev], env);
    expect(again.code).toBe(0);
    expect(jitCalls()).toBe(before);
    const fresh = await runCli(['aws', '--host', demo.portal.url, '--tenant', 'dev01', '--token', demo.dev, '--no-cache'], env);
    expect(fresh.code).toBe(0);
    expect(jitCalls()).toBe(before + 1);
    expect(JSON.parse(fresh.stdout)).not.toEqual(JSON.parse(again.stdout));
  });

  it("never hands one portal user's cached keys to another user's token", async () => {
    const asDev = await runCli(['aws', '--host', demo.portal.url, '--tenant', 'dev01'], { ...env, DUPLO_TOKEN: demo.dev });
    const before = jitCalls();
    const asAdmin = await runCli(['aws', '--host', demo.portal.url, '--tenant', 'dev01'], { ...env, DUPLO_TOKEN: demo.admin });
    expect([asDev.code, asAdmin.code, jitCalls()]).toEqual([0, 0, before + 1]);
    expect((JSON.parse(asAdmin.stdout) as { AccessKeyId: string }).AccessKeyId).toBe(demo.portal.issuedCredentials().at(-1)!.AccessKeyId);
    const devAgain = await runCli(['aws', '--host', demo.portal.url, '--tenant', 'dev01'], { ...env, DUPLO_TOKEN: demo.dev });
    expect([devAgain.stdout, jitCalls()]).toEqual([asDev.stdout, before + 1]);
  });

  it('says what is wrong with a bad token, a missing flag and an insecure host', async () => {
    const bad = await runCli(['aws', '--host', demo.portal.url, '--admin', '--token', 'nope'], env);
    expect(bad).toMatchObject({
      code: 1,
      stdout: '',
      stderr: `${tokenWarning}duplo-jit-bridge: Your session on ${demo.portal.url} has expired or is not valid. Sign in to ${demo.portal.url} in your browser, then try again.\n`,
    });
    const missing = await runCli(['aws', '--tenant', 'dev01'], env);
    expect(missing).toMatchObject({
      code: 2,
      stderr: 'duplo-jit-bridge: --host is required (or DUPLO_HOST in the environment), e.g. --host https://acme.duplocloud.net. Run "duplo-jit-bridge aws --help" for the options.\n',
    });
    const insecure = await runCli(['aws', '--host', 'http://acme.duplocloud.net', '--admin', '--token', demo.admin], env);
    expect(insecure).toMatchObject({
      code: 1,
      stderr: 'duplo-jit-bridge: Refusing to send a token over plain http: http://acme.duplocloud.net is not https; use https://acme.duplocloud.net.\n',
    });
  });

  it('console prints a sign-in link aimed at the region and service asked for', async () => {
    const run = await runCli(['console', '--host', demo.portal.url, '--tenant', 'qa', '--token', demo.dev, '--region', 'eu-west-1', '--service', 's3'], env);
    expect(run).toMatchObject({ code: 0, stderr: tokenWarning });
    const url = new URL(run.stdout.trim());
    expect(url.origin + url.pathname).toBe(`${demo.portal.url}/federation`);
    expect(url.searchParams.get('Destination')).toBe('https://eu-west-1.console.aws.amazon.com/s3/home?region=eu-west-1');
  });
});
