import { chmod, chown, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useDemoPortal } from '../support/demo-portal';
import { cliBundle, runCli, runProcess } from '../support/run-cli';

/**
 * Where `aws` and `console` take a portal API token from, with no browser (issue 12, item 3):
 * --token is readable by every local user through /proc/PID/cmdline, so --token-file and
 * DUPLO_TOKEN (with DUPLO_HOST, as duploctl and the Terraform provider read them) replace it.
 */
const demo = useDemoPortal();
let dir: string;
let env: Record<string, string>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'duplo-jit-token-sources-'));
  env = { XDG_CACHE_HOME: join(dir, 'cache'), DUPLO_JIT_BRIDGE_SOCKET: join(dir, 'no-bridge.sock') };
});

/** A token file with this content and mode. */
async function tokenFile(name: string, content: string, mode: number): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  await chmod(path, mode);
  return path;
}

/** The printed keys are the ones the portal just issued, and to this portal user. */
function expectKeysOf(printed: unknown, username: string): void {
  const issued = demo.portal.issuedCredentials().at(-1)!;
  expect(issued.username).toBe(username);
  expect(printed).toMatchObject({ AccessKeyId: issued.AccessKeyId, SecretAccessKey: issued.SecretAccessKey });
}

const aws = (args: readonly string[], extra: Record<string, string> = {}) => runCli(['aws', ...args, '--no-cache'], { ...env, ...extra });

describe('the portal API token, without a browser', () => {
  it('--token still works, with one warning line naming the safer forms', async () => {
    const run = await aws(['--host', demo.portal.url, '--tenant', 'dev01', '--token', demo.dev]);
    expect(run).toMatchObject({
      code: 0,
      stderr:
        'duplo-jit-bridge: --token puts the token where every local user can read it (ps, /proc/PID/cmdline); use --token-file PATH (a file only you can read) or the DUPLO_TOKEN environment variable instead\n',
    });
    expectKeysOf(JSON.parse(run.stdout), 'dev@duplo.demo');
  });

  it('--token-file reads a file only the caller can read, and wins over DUPLO_TOKEN', async () => {
    const path = await tokenFile('dev-token', `${demo.dev}\n`, 0o600);
    const run = await aws(['--host', demo.portal.url, '--tenant', 'dev01', '--token-file', path], { DUPLO_TOKEN: demo.admin });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expectKeysOf(JSON.parse(run.stdout), 'dev@duplo.demo');
  });

  it('--token-file refuses a file others may read or change, a missing one and an empty one, saying how to fix it', async () => {
    const refused = async (path: string) => (await aws(['--host', demo.portal.url, '--admin', '--token-file', path])).stderr;
    const open = await tokenFile('open-token', demo.admin, 0o644);
    expect(await refused(open)).toBe(`duplo-jit-bridge: --token-file ${open} has mode 0644, so other users can read or change it; run: chmod 600 ${open}\n`);
    const group = await tokenFile('group-token', demo.admin, 0o620);
    expect(await refused(group)).toBe(`duplo-jit-bridge: --token-file ${group} has mode 0620, so other users can read or change it; run: chmod 600 ${group}\n`);
    const missing = join(dir, 'no-such-token');
    expect(await refused(missing)).toBe(`duplo-jit-bridge: --token-file ${missing} does not exist; write the portal API token into it, readable only by you (chmod 600 ${missing})\n`);
    const empty = await tokenFile('empty-token', ' \n', 0o600);
    expect(await refused(empty)).toBe(`duplo-jit-bridge: --token-file ${empty} is empty; write the portal API token into it\n`);
    expect(demo.portal.issuedCredentials().filter((issued) => issued.scope === 'admin')).toEqual([]);
  });

  it.skipIf(process.getuid?.() !== 0)("--token-file refuses another user's file (needs root to chown)", async () => {
    const theirs = await tokenFile('their-token', demo.admin, 0o600);
    await chown(theirs, 54321, 54321);
    const run = await aws(['--host', demo.portal.url, '--admin', '--token-file', theirs]);
    expect(run).toMatchObject({
      code: 1,
      stderr: `duplo-jit-bridge: --token-file ${theirs} belongs to uid 54321, not to you (uid 0); keep the token in a file of your own, readable only by you (chmod 600)\n`,
    });
  });

  it('DUPLO_TOKEN and DUPLO_HOST serve the real AWS CLI, with no token in the profile', async () => {
    const config = join(dir, 'aws-config');
    await writeFile(config, `[profile ci]\ncredential_process = ${process.execPath} ${cliBundle} aws --tenant dev01 --no-cache\nregion = us-west-2\n`);
    const run = await runProcess('/usr/bin/aws', ['configure', 'export-credentials', '--profile', 'ci'], {
      ...env,
      AWS_CONFIG_FILE: config,
      AWS_SHARED_CREDENTIALS_FILE: join(dir, 'no-credentials'),
      DUPLO_HOST: demo.portal.url,
      DUPLO_TOKEN: demo.dev,
    });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expectKeysOf(JSON.parse(run.stdout), 'dev@duplo.demo');
  });

  it('DUPLO_TOKEN is not sent to a portal other than the one DUPLO_HOST names', async () => {
    const before = demo.portal.counters();
    const run = await aws(['--host', demo.portal.url, '--tenant', 'dev01'], { DUPLO_HOST: 'https://other.duplocloud.net', DUPLO_TOKEN: demo.dev });
    expect(run).toMatchObject({
      code: 1,
      stderr: `duplo-jit-bridge: The browser with the DuploCloud JIT extension is not running (nothing answers at ${env.DUPLO_JIT_BRIDGE_SOCKET}). Start it, sign in to your portal, then retry; "duplo-jit-bridge doctor" checks the set-up.\n`,
    });
    expect(demo.portal.counters()).toEqual(before);
  });

  it('console takes the same sources', async () => {
    const fromEnv = await runCli(['console', '--tenant', 'qa'], { ...env, DUPLO_HOST: demo.portal.url, DUPLO_TOKEN: demo.dev });
    expect(fromEnv).toMatchObject({ code: 0, stderr: '' });
    expect(new URL(fromEnv.stdout.trim()).pathname).toBe('/federation');
    const path = await tokenFile('console-token', demo.dev, 0o400);
    const fromFile = await runCli(['console', '--host', demo.portal.url, '--tenant', 'qa', '--token-file', path], env);
    expect(fromFile).toMatchObject({ code: 0, stderr: '' });
    expect(demo.portal.issuedCredentials().at(-1)!.username).toBe('dev@duplo.demo');
  });
});
