import { spawn } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { botocoreMissing } from '../support/botocore';
import { useDemoPortal } from '../support/demo-portal';
import { endpointPoll, pollEndpoint } from '../support/endpoint-poll';
import { startEndpointProcess } from '../support/endpoint-process';
import { cliBundle, runCli } from '../support/run-cli';

// 15-second keys for dev01: renewed every 10 s, so a 40 s run sees the refresh a 5-minute run of 90-second keys would.
const demo = useDemoPortal({ jitValidityByScope: { dev01: 15 } });
let dir: string;
let env: Record<string, string>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'duplo-jit-exec-'));
  const tokenFile = join(dir, 'token');
  await writeFile(tokenFile, demo.dev, { mode: 0o600 });
  await writeFile(join(dir, 'aws-config'), '');
  env = {
    XDG_CACHE_HOME: join(dir, 'cache'),
    DUPLO_JIT_BRIDGE_SOCKET: join(dir, 'no-bridge.sock'),
    AWS_CONFIG_FILE: join(dir, 'aws-config'),
    AWS_SHARED_CREDENTIALS_FILE: join(dir, 'no-credentials'),
    // What exec must take away: each would come before the endpoint.
    AWS_PROFILE: 'shadow',
    AWS_ACCESS_KEY_ID: 'AKIASHADOWSHADOWSHAD',
    AWS_SECRET_ACCESS_KEY: 'shadow',
    TOKEN_FILE: tokenFile,
  };
});

const exec = (tenant: string, command: readonly string[], extra: Record<string, string> = {}) =>
  runCli(['exec', '--host', demo.portal.url, '--tenant', tenant, '--token-file', env.TOKEN_FILE!, '--no-cache', '--', ...command], { ...env, ...extra });

const lastIssued = () => demo.portal.issuedCredentials().at(-1)!;

describe('exec: a command gets its keys from a local credential endpoint', () => {
  it('the AWS CLI reads the tenant\'s keys, with the tenant\'s region and no shadowing variables', async () => {
    const run = await exec('qa', ['/usr/bin/aws', 'configure', 'export-credentials']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const issued = lastIssued();
    expect(JSON.parse(run.stdout)).toEqual({ Version: 1, AccessKeyId: issued.AccessKeyId, SecretAccessKey: issued.SecretAccessKey, SessionToken: issued.SessionToken, Expiration: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) as unknown });
    const vars = await exec('qa', [process.execPath, '-e', 'const e = process.env; console.log([e.AWS_REGION, e.AWS_DEFAULT_REGION, e.AWS_PROFILE, e.AWS_ACCESS_KEY_ID, /^http:\\/\\/127\\.0\\.0\\.1:\\d+\\/$/.test(e.AWS_CONTAINER_CREDENTIALS_FULL_URI), e.AWS_CONTAINER_AUTHORIZATION_TOKEN.length].join(" "))']);
    expect(vars).toMatchObject({ code: 0, stdout: `${issued.Region} ${issued.Region}   true 43\n` });
    expect((await exec('qa', [process.execPath, '-e', 'console.log(process.env.AWS_REGION)'], { AWS_REGION: 'eu-west-3' })).stdout).toBe('eu-west-3\n');
  });

  it('the AWS SDK for JavaScript v3 gets them through its default chain', async () => {
    const sdk = `require(${JSON.stringify(require.resolve('@aws-sdk/credential-provider-node'))}).defaultProvider()().then((c) => console.log(c.accessKeyId, c.sessionToken.length > 0))`;
    const js = await exec('qa', [process.execPath, '-e', sdk]);
    expect(js).toMatchObject({ code: 0, stdout: `${lastIssued().AccessKeyId} true\n` });
  });

  it.skipIf(botocoreMissing)('botocore gets them through its default chain (skipped where python3 has no botocore)', async () => {
    const botocore = await exec('qa', ['python3', '-c', 'import botocore.session; c = botocore.session.get_session().get_credentials(); print(c.method, c.access_key)']);
    expect(botocore).toMatchObject({ code: 0, stdout: `container-role ${lastIssued().AccessKeyId}\n` });
  });

  it('refuses a request without the exact secret with a bare 403, and keeps the secret out of every command line', async () => {
    const probe = `
      const url = process.env.AWS_CONTAINER_CREDENTIALS_FULL_URI, secret = process.env.AWS_CONTAINER_AUTHORIZATION_TOKEN;
      const ask = (headers) => fetch(url, { headers }).then(async (r) => r.status + ':' + (await r.text()).length);
      const ps = require('node:child_process').execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' });
      Promise.all([ask({}), ask({ authorization: secret + 'x' }), ask({ authorization: secret.slice(1) }), ask({ authorization: secret })])
        .then((answers) => console.log(answers.slice(0, 3).join(' '), answers[3].startsWith('200:'), ps.includes(secret)));`;
    expect(await exec('qa', [process.execPath, '-e', probe])).toMatchObject({ code: 0, stdout: '403:0 403:0 403:0 true false\n' });
  });

  it('passes on the exit code, and says so when the command cannot be found', async () => {
    expect((await exec('qa', ['sh', '-c', 'exit 7'])).code).toBe(7);
    expect(await exec('qa', ['no-such-program-here'])).toMatchObject({ code: 127, stderr: 'duplo-jit-bridge: cannot run "no-such-program-here": no such program on PATH\n' });
  });

  it.each(['SIGTERM', 'SIGINT'] as const)('passes a %s sent to exec on to the command, and leaves no listener behind', async (signal) => {
    const script = `process.on("${signal}", () => { console.log("child got ${signal}"); process.exit(3); }); console.log(process.env.AWS_CONTAINER_CREDENTIALS_FULL_URI); setInterval(() => {}, 1000);`;
    const args = [cliBundle, 'exec', '--host', demo.portal.url, '--tenant', 'qa', '--token-file', env.TOKEN_FILE!, '--no-cache', '--', process.execPath, '-e', script];
    const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    const url = await new Promise<string>((resolve) =>
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        out += chunk;
        if (out.includes('\n')) resolve(out.split('\n')[0]!);
      }),
    );
    const exited = new Promise<number | null>((resolve) => child.once('close', resolve));
    child.kill(signal);
    expect(await exited).toBe(3);
    expect(out).toBe(`${url}\nchild got ${signal}\n`);
    const refused = await new Promise<string>((resolve) => request(url, () => resolve('answered')).once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error')).end());
    expect(refused).toBe('ECONNREFUSED');
  });

  it('asked every 1.5 s for 40 s with 15-second keys, always serves unexpired keys and renews once per period, not per request', { timeout: 120_000 }, async () => {
    const result = await pollEndpoint(demo.portal, 'dev01', () => exec('dev01', [process.execPath, '-e', endpointPoll(40_000, 1500)]));
    expect(result.answers).toBeGreaterThanOrEqual(10);
    expect(result.nearlyExpired).toBe(0);
    expect(result.distinctKeys).toBe(result.portalCalls);
    // One call to start, then one per 10 s renewal period: 40 s of asking (longer on a loaded machine) is 5 to 8 calls, never one per request.
    expect(result.portalCalls).toBeGreaterThanOrEqual(4);
    expect(result.portalCalls).toBeLessThan(result.answers / 2);
  });
});

/** Starts `serve` with the test's token file. */
const startServe = (extra: readonly string[]) =>
  startEndpointProcess([cliBundle, 'serve', '--host', demo.portal.url, '--tenant', 'qa', '--token-file', env.TOKEN_FILE!, '--no-cache', ...extra], env);

describe('serve', () => {
  it('prints the two variables, answers the keys until SIGTERM, then closes', async () => {
    const served = await startServe([]);
    expect(served.out()).toMatch(/^export AWS_CONTAINER_CREDENTIALS_FULL_URI=http:\/\/127\.0\.0\.1:\d+\/\nexport AWS_CONTAINER_AUTHORIZATION_TOKEN=[\w-]{43}\n$/);
    const url = served.url;
    const keys = (await (await fetch(url, { headers: { authorization: served.secret } })).json()) as Record<string, string>;
    expect(keys).toMatchObject({ AccessKeyId: lastIssued().AccessKeyId, Token: lastIssued().SessionToken });
    expect(await served.stop()).toBe(0);
    expect(served.err()).toBe('duplo-jit-bridge: serving credentials until Ctrl-C\n');
    await expect(fetch(url)).rejects.toThrow('fetch failed');
  });

  it('--listen off loopback warns, and still asks for the secret', async () => {
    const served = await startServe(['--listen', '0.0.0.0:0']);
    const port = new URL(served.url).port;
    expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(403);
    expect(await served.stop()).toBe(0);
    expect(served.err()).toBe(
      'duplo-jit-bridge: listening on 0.0.0.0, not loopback: anything that reaches this address and knows the secret gets the keys\nduplo-jit-bridge: serving credentials until Ctrl-C\n',
    );
  });
});

describe('exec --env', () => {
  it('prints the keys as lines for the shell asked for', async () => {
    const bash = await runCli(['exec', '--host', demo.portal.url, '--tenant', 'qa', '--token-file', env.TOKEN_FILE!, '--no-cache', '--env'], { ...env, SHELL: '/bin/bash' });
    const issued = lastIssued();
    expect(bash).toMatchObject({ code: 0, stderr: '' });
    expect(bash.stdout).toBe(
      `export AWS_ACCESS_KEY_ID='${issued.AccessKeyId}'\nexport AWS_SECRET_ACCESS_KEY='${issued.SecretAccessKey}'\nexport AWS_SESSION_TOKEN='${issued.SessionToken}'\nexport AWS_REGION='${issued.Region}'\nexport AWS_DEFAULT_REGION='${issued.Region}'\n`,
    );
    const fish = await runCli(['exec', '--host', demo.portal.url, '--tenant', 'qa', '--token-file', env.TOKEN_FILE!, '--no-cache', '--env'], { ...env, SHELL: '/usr/bin/fish' });
    expect(fish.stdout.split('\n')[0]).toBe(`set -gx AWS_ACCESS_KEY_ID '${lastIssued().AccessKeyId}'`);
    const bad = await runCli(['exec', '--host', demo.portal.url, '--tenant', 'qa', '--env=tcsh'], env);
    expect(bad).toMatchObject({ code: 2, stderr: 'duplo-jit-bridge: --env takes bash, fish, powershell, cmd (as --env=fish), not "tcsh". Run "duplo-jit-bridge exec --help" for the options.\n' });
  });
});
