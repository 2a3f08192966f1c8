import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useDemoPortal } from '../support/demo-portal';
import { cliBundle, runCli, runProcess } from '../support/run-cli';

const demo = useDemoPortal();
let dir: string;
let env: Record<string, string>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'duplo-jit-lenient-'));
  env = { XDG_CACHE_HOME: join(dir, 'cache'), DUPLO_JIT_BRIDGE_SOCKET: join(dir, 'no-bridge.sock') };
});

/** Where the real portal is lenient (duplo-api.md): an empty Region, tenant rows without a name or an ID. */
const laxPortal = () =>
  demo.portal.setFaults([
    { endpoint: 'admin/GetTenantsForUser', incompleteTenantRows: true },
    { endpoint: 'subscriptions/{tenantId}/GetAwsConsoleTokenUrl', blankRegion: true },
  ]);

describe('a portal that sends an empty Region and incomplete tenant rows', () => {
  it('still gives the AWS CLI its credentials through a token', async () => {
    laxPortal();
    const tokenFile = join(dir, 'token');
    await writeFile(tokenFile, demo.dev, { mode: 0o600 });
    const config = join(dir, 'aws-config');
    await writeFile(config, `[profile qa]\ncredential_process = ${process.execPath} ${cliBundle} aws --host ${demo.portal.url} --tenant qa --token-file ${tokenFile} --no-cache\n`);
    const run = await runProcess('/usr/bin/aws', ['configure', 'export-credentials', '--profile', 'qa'], {
      ...env,
      AWS_CONFIG_FILE: config,
      AWS_SHARED_CREDENTIALS_FILE: join(dir, 'no-credentials'),
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const issued = demo.portal.issuedCredentials().at(-1)!;
    expect(JSON.parse(run.stdout)).toMatchObject({ AccessKeyId: issued.AccessKeyId, SecretAccessKey: issued.SecretAccessKey });
  });

  it('--debug counts the skipped rows, and the console lands in the default region', async () => {
    laxPortal();
    const run = await runCli(['console', '--host', demo.portal.url, '--tenant', 'qa', '--debug'], { ...env, DUPLO_TOKEN: demo.dev });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("duplo-jit-bridge: skipped 2 tenant rows without a name or an ID in the portal's tenant list\n");
    expect(new URL(run.stdout.trim()).searchParams.get('Destination')).toBe('https://us-east-1.console.aws.amazon.com/console/home?region=us-east-1');
  });
});
