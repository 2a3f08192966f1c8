import { mkdtemp, readFile, stat, writeFile, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useDemoPortal } from '../support/demo-portal';
import { cliBundle, runCli, runProcess } from '../support/run-cli';

// The AWS CLI runs the profiles populate wrote; they reach the portal with DUPLO_TOKEN, as in CI.
const demo = useDemoPortal();
let dir: string;
let config: string;
let env: Record<string, string>;

const handWritten = '# my settings\n[default]\nregion = eu-west-1 ; mine\n\n[profile personal]\nregion = us-east-1\n';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'duplo-jit-populate-'));
  config = join(dir, 'config');
  await writeFile(config, handWritten);
  await chmod(config, 0o640);
  env = {
    XDG_CACHE_HOME: dir,
    DUPLO_JIT_BRIDGE_SOCKET: join(dir, 'no-bridge.sock'),
    DUPLO_HOST: demo.portal.url,
    DUPLO_TOKEN: demo.dev,
    AWS_CONFIG_FILE: config,
    AWS_SHARED_CREDENTIALS_FILE: join(dir, 'no-credentials'),
  };
});

const profileOf = (tenant: string) =>
  `\n[profile ${tenant}]\ncredential_process = ${process.execPath} ${cliBundle} aws --host ${demo.portal.url} --tenant ${tenant}\nregion = us-west-2\n# managed by duplo-jit-bridge populate (${demo.portal.url}, tenant ${tenant})\n`;

describe('populate with an API token, against the demo portal', () => {
  it('writes a profile per tenant, keeps the rest of the file and its mode, and changes nothing the second time', async () => {
    const first = await runCli(['populate', '--host', demo.portal.url], env);
    expect(first).toMatchObject({ code: 0, stderr: '', stdout: 'Added profile dev01\nAdded profile qa\nAdded profile staging\nUnchanged: 0 profiles\n' });
    expect(await readFile(config, 'utf8')).toBe(handWritten + profileOf('dev01') + profileOf('qa') + profileOf('staging'));
    expect((await stat(config)).mode & 0o777).toBe(0o640);

    const second = await runCli(['populate', '--host', demo.portal.url], env);
    expect(second).toMatchObject({ code: 0, stderr: '', stdout: `Unchanged: 3 profiles\nNothing to change in ${config}\n` });
  });

  it('the real AWS CLI gets keys through a profile populate wrote', async () => {
    const run = await runProcess('/usr/bin/aws', ['configure', 'export-credentials', '--profile', 'qa'], env);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const issued = demo.portal.issuedCredentials().at(-1)!;
    expect(JSON.parse(run.stdout)).toMatchObject({ Version: 1, AccessKeyId: issued.AccessKeyId, SecretAccessKey: issued.SecretAccessKey });
  });

  it('--prune removes exactly the profile of a tenant that is gone; --dry-run first shows it and writes nothing', async () => {
    demo.portal.removeTenant('qa');
    const before = await readFile(config, 'utf8');
    const dry = await runCli(['populate', '--host', demo.portal.url, '--prune', '--dry-run'], env);
    expect(dry).toMatchObject({
      code: 0,
      stderr: '',
      stdout: `--- ${config}\n+++ ${config}\n${'@@ -12,5 +11,0 @@\n'}${profileOf('qa').trimEnd().split('\n').map((line) => `-${line}`).join('\n')}\nRemoved profile qa\nUnchanged: 2 profiles\nDry run: ${config} was not changed\n`,
    });
    expect(await readFile(config, 'utf8')).toBe(before);

    const pruned = await runCli(['populate', '--host', demo.portal.url, '--prune'], env);
    expect(pruned).toMatchObject({ code: 0, stderr: '', stdout: 'Removed profile qa\nUnchanged: 2 profiles\n' });
    expect(await readFile(config, 'utf8')).toBe(handWritten + profileOf('dev01') + profileOf('staging'));
  });

  it('refuses to overwrite a profile it did not write, naming it and --force', async () => {
    const other = join(dir, 'other-config');
    await writeFile(other, '[profile dev01]\nregion = eu-west-1\n');
    const run = await runCli(['populate', '--host', demo.portal.url, '--config', other], env);
    expect(run).toMatchObject({
      code: 1,
      stdout: '',
      stderr: `duplo-jit-bridge: profile "dev01" is already in ${other} and populate did not write it for ${demo.portal.url}; rename or remove it, use --prefix, or run again with --force to overwrite\n`,
    });
    expect(await readFile(other, 'utf8')).toBe('[profile dev01]\nregion = eu-west-1\n');
  });
});
