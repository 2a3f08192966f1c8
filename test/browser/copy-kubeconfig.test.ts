import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kubeconfigFor } from '../../src/duplo/kubeconfig';
import { menuItemId } from '../../src/worker/menu-entries';
import { startDemoPortal, type DemoPortal } from '../portal/index';
import { launchWithExtension, type LoadedExtension } from '../support/chromium';
import { addPortal, clickCopyMenu, clipboardText, copyKubeconfigInPopup, signInOnPortal } from '../support/portal-browser';

let portal: DemoPortal;
let browser: LoadedExtension;
const cluster = { apiServer: 'https://k8s.demo.example:6443', caBase64: 'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t' };

beforeAll(async () => {
  [portal, browser] = await Promise.all([startDemoPortal({ k8sCluster: cluster }), launchWithExtension()]);
  expect(await addPortal(browser.context, portal)).toBe(true);
  await signInOnPortal(browser.context, portal, 'user');
});
afterAll(async () => {
  await browser?.close();
  await portal?.stop();
});

const clipboard = () => clipboardText(browser.context, portal);

/** What the user pastes: a kubeconfig whose user runs our CLI, and no token of any kind. */
const expected = (tenant: string) =>
  kubeconfigFor({
    name: `127.0.0.1-${tenant}`,
    server: cluster.apiServer,
    caBase64: cluster.caBase64,
    namespace: `duploservices-${tenant}`,
    command: 'duplo-jit-bridge',
    args: ['k8s', '--host', portal.url, '--tenant', tenant],
  });

describe('Copy kubeconfig', () => {
  it("from a tenant row's menu in the popup", async () => {
    await copyKubeconfigInPopup(browser.context, 'qa');
    const text = await clipboard();
    expect(text).toBe(expected('qa'));
    for (const secret of portal.issuedSecrets()) expect(text).not.toContain(secret);
  });

  it('from the context menu', async () => {
    const scope = portal.tenants.find((tenant) => tenant.name === 'dev01')!.id;
    await clickCopyMenu(browser.worker, menuItemId({ origin: portal.url, scope, format: 'kubeconfig' }));
    expect(await clipboard()).toBe(expected('dev01'));
    expect(portal.counters()['v3/subscriptions/{tenantId}/k8s/jitAccess']).toBe(2);
  });
});
