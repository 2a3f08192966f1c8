import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { botocoreMissing } from '../support/botocore';
import { useDemoPortal } from '../support/demo-portal';
import { cliBundle, runCli, runProcess } from '../support/run-cli';

/**
 * Issue 14, item 1: the credential_process lines DuploCloud's docs and duplo-jit's README print
 * (Go flag syntax: one dash, `=true`, mixed), with `duplo-jit` swapped for this CLI, resolved by
 * the real AWS CLI. DUPLO_TOKEN stands in for the browser, so no browser is needed.
 */
const demo = useDemoPortal();
let dir: string;
let config: string;

const bridge = `${process.execPath} ${cliBundle}`;

/** Each profile's line as the docs write it, `https://…` being the demo portal. */
const profiles = (host: string): Record<string, string> => ({
  // DuploCloud docs: "credential_process=duplo-jit aws -tenant devab01 --host https://…"
  'docs-tenant': `credential_process=${bridge} aws -tenant dev01 --host ${host}`,
  // duplo-jit README: "credential_process=duplo-jit aws --admin --host https://… --interactive"
  'readme-admin': `credential_process=${bridge} aws --admin --host ${host} --interactive`,
  'go-equals': `credential_process = ${bridge} aws -host=${host} -tenant=QA -interactive=true -no-cache=1 -debug=false`,
  'go-mixed': `credential_process = ${bridge} aws --tenant staging -host ${host} --admin=false -- `,
});

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'duplo-jit-go-flags-'));
  config = join(dir, 'aws-config');
  const blocks = Object.entries(profiles(demo.portal.url)).map(([name, line]) => `[profile ${name}]\n${line}\nregion = us-west-2\n`);
  await writeFile(config, blocks.join('\n'));
});

/** No browser: the admin's API token in DUPLO_TOKEN. */
const noBrowser = () => ({
  AWS_CONFIG_FILE: config,
  AWS_SHARED_CREDENTIALS_FILE: join(dir, 'no-credentials'),
  XDG_CACHE_HOME: join(dir, 'cache'),
  DUPLO_JIT_BRIDGE_SOCKET: join(dir, 'no-bridge.sock'),
  DUPLO_HOST: demo.portal.url,
  DUPLO_TOKEN: demo.admin,
});

/** `aws configure export-credentials`, the AWS CLI v2 reading the profile. */
async function awsExport(profile: string) {
  const run = await runProcess('/usr/bin/aws', ['configure', 'export-credentials', '--profile', profile], noBrowser());
  expect(run).toMatchObject({ code: 0, stderr: '' });
  return JSON.parse(run.stdout) as Record<string, string>;
}

// botocore (boto3's core) resolves credential_process itself; the Debian AWS CLI bundles its own copy.
const botocoreScript = 'import sys, botocore.session as s; c = s.Session(profile=sys.argv[1]).get_credentials().get_frozen_credentials(); print(c.access_key, c.secret_key, c.token)';

/** The keys botocore resolves for the profile, as a Python program using boto3 would get them. */
async function botocoreKeys(profile: string) {
  const run = await runProcess('python3', ['-c', botocoreScript, profile], noBrowser());
  expect(run).toMatchObject({ code: 0, stderr: '' });
  const [AccessKeyId, SecretAccessKey, SessionToken] = run.stdout.trim().split(' ');
  return { AccessKeyId, SecretAccessKey, SessionToken };
}

const tenantId = (name: string) => demo.portal.tenants.find((tenant) => tenant.name === name)!.id;

/** The keys the portal issued last for this scope (a tenant ID, or `admin`). */
const lastIssued = (scope: string) => {
  const issued = demo.portal.issuedCredentials().filter((credentials) => credentials.scope === scope).at(-1)!;
  return { AccessKeyId: issued.AccessKeyId, SecretAccessKey: issued.SecretAccessKey, SessionToken: issued.SessionToken };
};

describe("duplo-jit's credential_process lines, with the command swapped", () => {
  it.each([
    ['docs-tenant', () => tenantId('dev01')],
    ['readme-admin', () => 'admin'],
    ['go-equals', () => tenantId('qa')],
    ['go-mixed', () => tenantId('staging')],
  ])('aws configure export-credentials --profile %s', async (profile, scope) => {
    const exported = await awsExport(profile);
    expect(exported).toMatchObject({ Version: 1, ...lastIssued(scope()) });
  });

  // Skipped, saying so, where python3 has no botocore (pip install botocore gives it).
  it.skipIf(botocoreMissing).each([
    ['docs-tenant', () => tenantId('dev01')],
    ['readme-admin', () => 'admin'],
    ['go-equals', () => tenantId('qa')],
    ['go-mixed', () => tenantId('staging')],
  ])('botocore resolves --profile %s (python3 has botocore)', async (profile, scope) => {
    expect(await botocoreKeys(profile)).toEqual(lastIssued(scope()));
  });

  it('takes --admin over --tenant as duplo-jit does, saying so, and refuses an ID not in the list', async () => {
    const env = { XDG_CACHE_HOME: join(dir, 'cache'), DUPLO_JIT_BRIDGE_SOCKET: join(dir, 'no-bridge.sock'), DUPLO_HOST: demo.portal.url, DUPLO_TOKEN: demo.dev };
    const both = await runCli(['aws', '-tenant', 'dev01', '-admin', '-no-cache'], { ...env, DUPLO_TOKEN: demo.admin });
    expect(both).toMatchObject({ code: 0, stderr: 'duplo-jit-bridge: --admin and --tenant given; using --admin, as duplo-jit does\n' });
    expect(JSON.parse(both.stdout)).toMatchObject(lastIssued('admin'));
    const id = tenantId('prod');
    const refused = await runCli(['aws', `--tenant=${id}`], env);
    expect(refused).toMatchObject({
      code: 1,
      stdout: '',
      stderr: `duplo-jit-bridge: Tenant "${id}" is missing or not allowed for you on ${demo.portal.url}. The popup lists the tenants you can use.\n`,
    });
  });
});
