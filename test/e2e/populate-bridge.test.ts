import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoPortal, type DemoPortal } from '../portal/index';
import { answerNextApproval } from '../support/approval-window';
import { askOptionsPage, startBridgeBrowser, type BridgeSetup } from '../support/bridge-browser';
import { cliBundle, runCli, runProcess } from '../support/run-cli';

// populate with no token: the tenant list comes from the signed-in browser, after the user's yes.
let portal: DemoPortal;
let setup: BridgeSetup;
let config: string;

beforeAll(async () => {
  portal = await startDemoPortal();
  setup = await startBridgeBrowser(portal, { approvalPolicy: 'ask-once', approvalTimeoutSeconds: 30 });
  config = join(setup.dir, 'aws-config');
}, 60_000);
afterAll(async () => {
  await setup?.browser.close();
  await portal?.stop();
});

const populate = () => runCli(['populate', '--host', portal.url, '--config', config], setup.env);

/** The bridge's tenant list has no regions, so a profile has no region line. */
const profileOf = (tenant: string) =>
  `[profile ${tenant}]\ncredential_process = ${process.execPath} ${cliBundle} aws --host ${portal.url} --tenant ${tenant}\n# managed by duplo-jit-bridge populate (${portal.url}, tenant ${tenant})\n`;

describe.sequential('populate through the browser bridge, in the real browser', () => {
  it('a Deny in the browser gives the DENIED sentence and writes nothing', { timeout: 90_000 }, async () => {
    const [title, run] = await Promise.all([answerNextApproval(setup.browser.context, '#deny'), populate()]);
    expect(title).toBe('Allow the tenant list?');
    expect(run).toMatchObject({ code: 1, stdout: '', stderr: `duplo-jit-bridge: You denied the request for the tenant list on ${new URL(portal.url).host} in the browser.\n` });
    await expect(readFile(config, 'utf8')).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('writes a profile per tenant the browser session sees, and the AWS CLI resolves one through the same bridge', { timeout: 90_000 }, async () => {
    await askOptionsPage(setup.browser, [{ type: 'save-settings', settings: { approvalPolicy: 'never-ask' } }]);
    const tenants = portal.users.find((user) => user.role === 'admin')!.tenants;
    const run = await populate();
    expect(run).toMatchObject({ code: 0, stderr: '', stdout: `${tenants.map((name) => `Added profile ${name}\n`).join('')}Unchanged: 0 profiles\n` });
    expect(await readFile(config, 'utf8')).toBe(tenants.map(profileOf).join('\n'));

    const exported = await runProcess('/usr/bin/aws', ['configure', 'export-credentials', '--profile', 'qa'], {
      ...setup.env,
      AWS_CONFIG_FILE: config,
      AWS_SHARED_CREDENTIALS_FILE: join(setup.dir, 'no-credentials'),
    });
    expect(exported).toMatchObject({ code: 0, stderr: '' });
    const qa = portal.tenants.find((tenant) => tenant.name === 'qa')!.id;
    const [issued] = portal.issuedCredentials().filter((credentials) => credentials.scope === qa);
    expect(JSON.parse(exported.stdout)).toMatchObject({ Version: 1, AccessKeyId: issued!.AccessKeyId, SecretAccessKey: issued!.SecretAccessKey, SessionToken: issued!.SessionToken });
  });
});
