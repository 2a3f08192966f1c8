import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask } from '../../src/host/host-process.test-support';
import { startDemoPortal, type DemoPortal } from '../portal/index';
import { startBridgeBrowser, type BridgeSetup } from '../support/bridge-browser';
import { askWorker, openPopup, popupAction, rowScopes, signInOnPortal } from '../support/portal-browser';
import { runCli } from '../support/run-cli';
import { selfSignedCertificate } from '../support/self-signed';

/**
 * A look-alike portal: a real demo portal over TLS at https://evil.duplocloud.net (Chromium
 * maps the name to it), whose page calls its API with a bearer token as any portal page does.
 * The user's own portal is another demo portal, added and signed in to.
 */
const evilName = 'evil.duplocloud.net';
const awsSignin = 'us-east-1.signin.aws.amazon.com';
let home: DemoPortal;
let evil: DemoPortal;
let setup: BridgeSetup;

beforeAll(async () => {
  home = await startDemoPortal();
  evil = await startDemoPortal({ tls: { name: evilName, ...(await selfSignedCertificate(evilName)) } });
  const rules = [evilName, awsSignin].map((name) => `MAP ${name} ${evil.listening}`).join(',');
  setup = await startBridgeBrowser(home, { approvalPolicy: 'never-ask', logoutFirst: false }, { extraArgs: ['--ignore-certificate-errors', `--host-resolver-rules=${rules}`] });
}, 60_000);
afterAll(async () => {
  await setup?.browser.close();
  await Promise.all([home?.stop(), evil?.stop()]);
});

const cli = (...args: string[]) => runCli(args, setup.env);
const apiCalls = () => Object.entries(evil.counters()).filter(([route]) => !['login', 'home', 'federation', 'oauth', 'verify-token'].includes(route));
const idOf = (name: string) => evil.tenants.find((tenant) => tenant.name === name)!.id;

/** The popup, showing the look-alike portal (picked, when the user's own portal comes first). */
async function popupOnEvil(): Promise<Page> {
  const popup = await openPopup(setup.browser.context);
  const picker = popup.locator('.portal-picker select');
  if (await picker.count()) await picker.selectOption(evil.url);
  return popup;
}

const notConfirmed =
  'evil.duplocloud.net was only seen calling its API in a browser tab, and the extension uses a portal like that only after you confirm it is yours. Open the extension\'s popup (or its options page) and choose "Use it" for evil.duplocloud.net.';
const consoleRefused = (host: string) =>
  `evil.duplocloud.net sent a console link to ${host}, which is not an AWS sign-in host (signin.aws.amazon.com, signin.amazonaws-us-gov.com, signin.amazonaws.cn, or one of their regional forms over https), so it was not opened. Tell your DuploCloud administrator; if evil.duplocloud.net is not your portal, remove it in the extension's options.`;

describe('a look-alike *.duplocloud.net page that calls its API with a bearer token', () => {
  it('is shown as "seen: … — use it?" with no rows, and nothing is sent to it', { timeout: 60_000 }, async () => {
    await (await signInOnPortal(setup.browser.context, evil, 'admin')).close();
    const options = await setup.browser.context.newPage();
    await options.goto(`${setup.browser.extensionUrl}extension/options/index.html`);
    await expect.poll(async () => JSON.stringify(await askWorker(options, { type: 'state' })), { timeout: 10_000 }).toContain(evil.url);
    await options.close();
    const calls = apiCalls();

    const popup = await popupOnEvil();
    expect(await popup.locator('.portal-picker option:checked').textContent()).toBe(`seen: ${evilName}`);
    expect(await popup.locator('[data-testid="state-unconfirmed"] .state-message').textContent()).toBe(`seen: ${evilName} — use it?`);
    expect(await rowScopes(popup)).toEqual([]);
    await mkdir('test-results', { recursive: true });
    await popup.screenshot({ path: 'test-results/popup-seen-portal.png' });
    await popup.close();
    expect(apiCalls()).toEqual(calls);
  });

  it('is refused over the bridge with PORTAL_NOT_CONFIGURED, in words that say to confirm it', { timeout: 60_000 }, async () => {
    const calls = apiCalls();
    for (const args of [['aws', '--host', evil.url, '--admin'], ['console', '--host', evil.url, '--tenant', 'qa']]) {
      expect(await cli(...args)).toMatchObject({ code: 1, stdout: '', stderr: `duplo-jit-bridge: ${notConfirmed}\n` });
    }
    for (const op of ['aws-credentials', 'tenants', 'status'] as const) {
      const client = { pid: process.pid, ppid: process.ppid, command: 'look-alike test' };
      const answer = await ask(setup.env.DUPLO_JIT_BRIDGE_SOCKET!, { v: 1, id: op, op, portal: evil.url, scope: 'admin', client });
      expect(answer).toEqual({ v: 1, id: op, ok: false, error: { code: 'PORTAL_NOT_CONFIGURED', message: notConfirmed } });
    }
    expect(apiCalls()).toEqual(calls);
  });

  it('lists its tenants once the user chooses "Use it" in the popup, and answers the bridge', { timeout: 60_000 }, async () => {
    const popup = await popupOnEvil();
    await popup.locator('[data-testid="confirm-portal"]').click();
    await expect.poll(() => rowScopes(popup)).toEqual(['admin', 'duplo-ops', ...[...evil.tenants].sort((a, b) => a.name.localeCompare(b.name)).map((tenant) => tenant.id)]);
    await popup.close();
    const run = await cli('aws', '--host', evil.url, '--tenant', 'qa');
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(JSON.parse(run.stdout)).toMatchObject({ AccessKeyId: evil.issuedCredentials().at(-1)!.AccessKeyId });
  });

  it('cannot open a console link on its own host or any host but AWS sign-in, in the popup or for the CLI', { timeout: 90_000 }, async () => {
    // A tenant each: keys (and their ConsoleUrl) are cached per tenant.
    for (const [fault, host, tenant] of [
      [undefined, evilName, 'dev01'],
      ['https://signin.aws.amazon.com.evil.test', 'signin.aws.amazon.com.evil.test', 'dev02'],
      ['http://signin.aws.amazon.com', 'http://signin.aws.amazon.com', 'dev03'],
    ] as const) {
      evil.setFaults(fault ? [{ endpoint: 'subscriptions/{tenantId}/GetAwsConsoleTokenUrl', consoleUrlOrigin: fault }] : []);
      const popup = await popupOnEvil();
      const pagesBefore = setup.browser.context.pages().length;
      await popup.locator(`[data-testid="row"][data-scope="${idOf(tenant)}"] [data-testid="open-console"]`).click();
      await expect.poll(() => popup.locator('[data-testid="toast"]').textContent()).toBe(consoleRefused(host));
      expect(setup.browser.context.pages()).toHaveLength(pagesBefore);
      await popup.close();

      const run = await cli('console', '--host', evil.url, '--tenant', tenant, '--open');
      expect([run.code, run.stdout, run.stderr]).toEqual([1, '', `duplo-jit-bridge: ${consoleRefused(host)}\n`]);
    }
  });

  it('opens a console link on an AWS sign-in host', { timeout: 60_000 }, async () => {
    evil.setFaults([{ endpoint: 'subscriptions/{tenantId}/GetAwsConsoleTokenUrl', consoleUrlOrigin: `https://${awsSignin}` }]);
    const popup = await popupOnEvil();
    const [tab] = await Promise.all([
      setup.browser.context.waitForEvent('page'),
      popupAction(popup.locator(`[data-testid="row"][data-scope="${idOf('staging')}"] [data-testid="open-console"]`).click()),
    ]);
    await tab.waitForURL(new RegExp(`^https://${awsSignin.replaceAll('.', '\\.')}/federation\\?`));
    expect(await tab.locator('main#console').getAttribute('data-tenant')).toBe('staging');
    await tab.close();
    evil.setFaults([]);
  });
});
