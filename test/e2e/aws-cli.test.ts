import { fromProcess } from '@aws-sdk/credential-provider-process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoPortal, type DemoPortal } from '../portal/index';
import { startBridgeBrowser, writeAwsConfig, type BridgeSetup } from '../support/bridge-browser';
import { optionsUrl } from '../support/portal-browser';
import { awsExport as exportCredentials } from '../support/aws-export';
import { runCli } from '../support/run-cli';

let portal: DemoPortal;
let setup: BridgeSetup;
let config: string;

const idOf = (name: string) => portal.tenants.find((tenant) => tenant.name === name)!.id;
const issuedFor = (scope: string) => portal.issuedCredentials().filter((credentials) => credentials.scope === scope);

beforeAll(async () => {
  portal = await startDemoPortal();
  setup = await startBridgeBrowser(portal, { approvalPolicy: 'never-ask' });
  config = await writeAwsConfig(setup.dir, portal, { dev: '--tenant dev01', admin: '--admin', qa: '--tenant qa' });
}, 60_000);
afterAll(async () => {
  await setup?.browser.close();
  await portal?.stop();
});

const awsExport = (profile: string) => exportCredentials(setup, config, profile);

describe('the AWS CLI and SDK get credentials from the browser session', () => {
  it('aws configure export-credentials prints the keys the portal issued for a tenant', async () => {
    const exported = await awsExport('dev');
    const [issued] = issuedFor(idOf('dev01'));
    expect(exported).toMatchObject({
      Version: 1,
      AccessKeyId: issued!.AccessKeyId,
      SecretAccessKey: issued!.SecretAccessKey,
      SessionToken: issued!.SessionToken,
    });
    expect(Date.parse(exported.Expiration!) - Date.now()).toBeGreaterThan(3500_000);
  });

  it('and for --admin', async () => {
    const exported = await awsExport('admin');
    const admin = issuedFor('admin').at(-1)!;
    expect(exported).toMatchObject({ AccessKeyId: admin.AccessKeyId, SecretAccessKey: admin.SecretAccessKey, SessionToken: admin.SessionToken });
  });

  it("the options page lists each program's request at once, newest first", async () => {
    const page = await setup.browser.context.newPage();
    try {
      await page.goto(optionsUrl);
      const rows = page.locator('.log tbody tr');
      await rows.first().waitFor();
      const cells = (row: number) => rows.nth(row).locator('td').evaluateAll((tds) => tds.slice(1).map((td) => td.textContent));
      const host = new URL(portal.url).host;
      // The AWS CLI v1 here is a script run by python3; by name only (arguments can hold secrets). "Never ask" needs no
      // peer, so the host was not asked who it is: the name is the one the program gave.
      const program = 'python3 (unverified)';
      expect(await cells(0)).toEqual([program, host, 'admin', 'given']);
      expect(await cells(1)).toEqual([program, host, 'dev01', 'given']);
      expect(await rows.count()).toBe(2);
    } finally {
      await page.close();
    }
  });

  it('console prints a sign-in link from the browser session, aimed at the region and service asked for', async () => {
    const run = await runCli(['console', '--host', portal.url, '--tenant', 'qa', '--region', 'eu-west-1', '--service', 's3'], setup.env);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    // Wrapped in the sign-out by default (the options page's "log out first").
    const logout = new URL(run.stdout.trim());
    expect(`${logout.origin}${logout.pathname}?Action=${logout.searchParams.get('Action')}`).toBe(`${portal.url}/oauth?Action=logout`);
    const login = new URL(logout.searchParams.get('redirect_uri')!);
    expect(`${login.origin}${login.pathname}`).toBe(`${portal.url}/federation`);
    expect(login.searchParams.get('Destination')).toBe('https://eu-west-1.console.aws.amazon.com/s3/home?region=eu-west-1');
    expect(login.searchParams.get('SigninToken')).toMatch(/^\S{20,}$/);
  });

  it('the JavaScript SDK (fromProcess) resolves the same profile to the same keys', async () => {
    Object.assign(process.env, setup.env);
    const credentials = await fromProcess({ profile: 'dev', configFilepath: config, filepath: `${setup.dir}/no-credentials` })();
    const [issued] = issuedFor(idOf('dev01'));
    expect(credentials).toMatchObject({ accessKeyId: issued!.AccessKeyId, secretAccessKey: issued!.SecretAccessKey, sessionToken: issued!.SessionToken });
    expect(issuedFor(idOf('dev01'))).toHaveLength(1);
  });

  it('50 processes at once share one JIT call and open no tab', { timeout: 60_000 }, async () => {
    const pages = setup.browser.context.pages().length;
    const runs = await Promise.all(Array.from({ length: 50 }, () => runCli(['aws', '--host', portal.url, '--tenant', 'qa'], setup.env)));
    expect(runs.map((run) => run.code)).toEqual(Array<number>(50).fill(0));
    const keys = new Set(runs.map((run) => (JSON.parse(run.stdout) as { AccessKeyId: string }).AccessKeyId));
    expect([...keys]).toEqual([issuedFor(idOf('qa'))[0]!.AccessKeyId]);
    expect(portal.counters()['subscriptions/{tenantId}/GetAwsConsoleTokenUrl']).toBe(2);
    expect(setup.browser.context.pages().length).toBe(pages);
  });
});
