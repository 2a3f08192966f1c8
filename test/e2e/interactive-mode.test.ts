import { chmod, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useDemoPortal } from '../support/demo-portal';
import { browserNavigation } from '../support/loopback-request';
import { runCli } from '../support/run-cli';

const demo = useDemoPortal();
let dir: string;

/**
 * A stand-in for the user's browser ($BROWSER): it does what the portal's verify-token page
 * does after the user clicks Authorize, a GET to http://localhost:<localPort>/?t=<token>, with
 * the navigation headers Chromium sends (test/security/interactive-sign-in.test.ts drives a
 * real Chromium through the same handoff).
 */
async function fakeBrowser(token: string): Promise<string> {
  const script = join(dir, 'browser.mjs');
  await writeFile(
    script,
    `#!${process.execPath}
import { writeFileSync } from 'node:fs';
import { get } from 'node:http';
const url = new URL(process.argv[2]);
writeFileSync(${JSON.stringify(join(dir, 'opened.txt'))}, url.href);
const headers = ${JSON.stringify(browserNavigation)};
get('http://localhost:' + url.searchParams.get('localPort') + '/?t=' + encodeURIComponent(${JSON.stringify(token)}), { headers }, (answer) => {
  writeFileSync(${JSON.stringify(join(dir, 'redirect.txt'))}, answer.headers.location ?? '');
});
`,
  );
  await chmod(script, 0o755);
  return script;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'duplo-jit-interactive-'));
});

/** One `aws --interactive` (or `k8s`) run through the fake browser: its output, the page it opened and where it sent the tab back. */
async function signIn(args: readonly string[], token: string, command: 'aws' | 'k8s' = 'aws') {
  const run = await runCli([command, '--host', demo.portal.url, ...args, '--interactive'], {
    BROWSER: await fakeBrowser(token),
    XDG_CACHE_HOME: join(dir, 'cache'),
    DUPLO_JIT_BRIDGE_SOCKET: join(dir, 'no-bridge.sock'),
  });
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  const opened = new URL(await readFile(join(dir, 'opened.txt'), 'utf8'));
  const back = new URL(await readFile(join(dir, 'redirect.txt'), 'utf8'));
  return { run, opened, back };
}

describe('--interactive, when no browser bridge answers', () => {
  it('k8s signs in the same way and prints the cluster token', async () => {
    const { run, opened } = await signIn(['--tenant', 'qa', '--no-cache'], demo.dev, 'k8s');
    expect(JSON.parse(run.stdout)).toMatchObject({ kind: 'ExecCredential', status: { token: demo.portal.issuedK8sTokens().at(-1) } });
    expect(opened.searchParams.get('isAdmin')).toBeNull();
  });

  it('signs in through the portal page handoff and prints the credentials', async () => {
    const { run, opened, back } = await signIn(['--tenant', 'qa'], demo.dev);
    const issued = demo.portal.issuedCredentials().at(-1)!;
    expect(JSON.parse(run.stdout)).toMatchObject({ AccessKeyId: issued.AccessKeyId, SecretAccessKey: issued.SecretAccessKey });
    expect(opened.pathname).toBe('/app/user/verify-token');
    expect(opened.searchParams.get('localAppName')).toBe('duplo-jit-bridge');
    expect(opened.searchParams.get('redirect')).toBe('true');
    expect(back.searchParams.get('success')).toBe('true');
    expect([opened.searchParams.get('isAdmin'), back.searchParams.get('isAdmin')]).toEqual([null, null]);
  });

  it('asks the page for an administrator token for --duplo-ops, as duplo-jit does', async () => {
    const { opened, back } = await signIn(['--duplo-ops', '--no-cache'], demo.admin);
    expect([opened.searchParams.get('isAdmin'), back.searchParams.get('isAdmin')]).toEqual(['true', 'true']);
  });
});
