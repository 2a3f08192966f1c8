import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoPortal, type DemoPortal } from '../portal/index';
import { writeAwsConfig } from '../support/bridge-browser';
import { askFirefoxOptionsPage, nextFirefoxApproval, startFirefoxBridge, type FirefoxBridgeSetup } from '../support/firefox-bridge';
import { awsExport as exportCredentials } from '../support/aws-export';

let portal: DemoPortal;
let setup: FirefoxBridgeSetup;
let config: string;

const idOf = (name: string) => portal.tenants.find((tenant) => tenant.name === name)!.id;
const issuedFor = (scope: string) => portal.issuedCredentials().filter((credentials) => credentials.scope === scope);

beforeAll(async () => {
  portal = await startDemoPortal();
  setup = await startFirefoxBridge(portal, { approvalPolicy: 'never-ask' });
  config = await writeAwsConfig(setup.dir, portal, { dev: '--tenant dev01', qa: '--tenant qa' });
});
afterAll(async () => {
  await setup?.close();
  await portal?.stop();
});

const awsExport = (profile: string) => exportCredentials(setup, config, profile);

describe('the AWS CLI gets credentials through the Firefox bridge', () => {
  it('aws configure export-credentials prints the keys the portal issued for a tenant', async () => {
    const exported = await awsExport('dev');
    const [issued] = issuedFor(idOf('dev01'));
    expect(exported).toMatchObject({ Version: 1, AccessKeyId: issued!.AccessKeyId, SecretAccessKey: issued!.SecretAccessKey, SessionToken: issued!.SessionToken });
  });

  it('asks in the approval window when the policy says so, and answers after Allow', async () => {
    await askFirefoxOptionsPage(setup.firefox, [{ type: 'save-settings', settings: { approvalPolicy: 'ask-every-time' } }]);
    const exporting = awsExport('qa');
    const prompt = await nextFirefoxApproval(setup.firefox);
    await prompt.waitForSelector('#allow:enabled', { timeout: 30_000 });
    expect(await prompt.$eval('#scope', (scope) => scope.textContent)).toContain('qa');
    // The answer closes the window, at times before the click returns: that is success.
    await prompt.click('#allow').catch(() => undefined);
    const exported = await exporting;
    expect(exported.AccessKeyId).toBe(issuedFor(idOf('qa')).at(-1)!.AccessKeyId);
  });
});
