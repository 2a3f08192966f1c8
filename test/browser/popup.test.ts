import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatCredentials } from '../../src/aws/copy-formats';
import { menuItemId } from '../../src/worker/menu-entries';
import { startDemoPortal, type DemoPortal } from '../portal/index';
import { launchWithExtension, type LoadedExtension } from '../support/chromium';
import { addPortal, askWorker, clickCopyMenu, clipboardText as clipboardFrom, openPopup, popupAction, rowScopes, signInOnPortal } from '../support/portal-browser';
import { authorizeSignIn } from '../support/sign-in-browser';

let portal: DemoPortal;
let browser: LoadedExtension;

const idOf = (name: string) => portal.tenants.find((tenant) => tenant.name === name)!.id;
const adminScopes = () => ['admin', 'duplo-ops', ...[...portal.tenants].sort((a, b) => a.name.localeCompare(b.name)).map((tenant) => tenant.id)];

beforeAll(async () => {
  portal = await startDemoPortal();
  browser = await launchWithExtension();
  // The demo portal is added like any custom portal; loopback needs no permission prompt.
  expect(await addPortal(browser.context, portal)).toBe(true);
  await signInOnPortal(browser.context, portal, 'admin');
});
afterAll(async () => {
  await browser?.close();
  await portal?.stop();
});

/** The keys the extension copied, as the user sees them. */
const clipboardText = () => clipboardFrom(browser.context, portal);

/** Recently used rows move up; where the order is not the point, compare the set. */
const sortedRowScopes = async (page: Page) => (await rowScopes(page)).sort();

function lastIssued(scope: string) {
  const issued = portal.issuedCredentials().filter((credentials) => credentials.scope === scope).at(-1)!;
  return { accessKeyId: issued.AccessKeyId, secretAccessKey: issued.SecretAccessKey, sessionToken: issued.SessionToken, region: issued.Region };
}

describe('the popup, signed in on the demo portal as the admin', () => {
  it('lists Admin, duplo-ops and every tenant with no other step', async () => {
    const popup = await openPopup(browser.context);
    expect(await rowScopes(popup)).toEqual(adminScopes());
    await expect.poll(() => popup.locator('[data-testid="row"]').first().textContent()).toContain('Admin');
    await mkdir('test-results', { recursive: true });
    await popup.screenshot({ path: 'test-results/popup-admin.png' });
    await popup.close();
  });

  it('opens the console of a filtered tenant on Enter, through the logout page', async () => {
    const popup = await openPopup(browser.context);
    await popup.locator('[data-testid="filter"]').fill('PAYM');
    expect(await rowScopes(popup)).toEqual([idOf('payments-prod')]);
    const oauthBefore = portal.counters().oauth ?? 0;
    const [tab] = await Promise.all([browser.context.waitForEvent('page'), popupAction(popup.keyboard.press('Enter'))]);
    await tab.waitForURL(/\/federation\?/);
    const console = tab.locator('main#console');
    expect(await console.getAttribute('data-tenant')).toBe('payments-prod');
    expect(await console.getAttribute('data-region')).toBe('us-east-1');
    expect(await console.getAttribute('data-service')).toBe('console');
    expect(portal.counters().oauth).toBe(oauthBefore + 1);
    await tab.close();
  });

  it('lands on the region and service chosen in options, without the logout when it is off', async () => {
    const page = await openPopup(browser.context);
    await askWorker(page, { type: 'save-settings', settings: { consoleRegion: 'eu-west-1', consoleService: 's3', logoutFirst: false } });
    const oauthBefore = portal.counters().oauth ?? 0;
    const [tab] = await Promise.all([
      browser.context.waitForEvent('page'),
      askWorker(page, { type: 'open-console', origin: portal.url, scope: idOf('qa') }),
    ]);
    await tab.waitForURL(/\/federation\?/);
    expect(await tab.locator('main#console').getAttribute('data-tenant')).toBe('qa');
    expect(await tab.locator('main#console').getAttribute('data-region')).toBe('eu-west-1');
    expect(await tab.locator('main#console').getAttribute('data-service')).toBe('s3');
    expect(portal.counters().oauth ?? 0).toBe(oauthBefore);
    await askWorker(page, { type: 'save-settings', settings: { consoleRegion: '', consoleService: 'console', logoutFirst: true } });
    await Promise.all([tab.close(), page.close()]);
  });

  it('copies exactly the bash and the PowerShell text through the context-menu handler', async () => {
    const scope = idOf('staging');
    for (const format of ['bash', 'powershell'] as const) {
      const id = menuItemId({ origin: portal.url, scope, format });
      await clickCopyMenu(browser.worker, id);
      expect(await clipboardText()).toBe(formatCredentials(format, lastIssued(scope)));
    }
    expect(portal.counters()['subscriptions/{tenantId}/GetAwsConsoleTokenUrl']).toBeGreaterThan(0);
  });

  it('makes one JIT call for 20 popup opens and console clicks on one tenant', { timeout: 90_000 }, async () => {
    const before = portal.issuedCredentials().filter((credentials) => credentials.scope === idOf('dev02')).length;
    expect(before).toBe(0);
    for (let round = 0; round < 20; round++) {
      const popup = await openPopup(browser.context);
      const row = popup.locator(`[data-testid="row"][data-scope="${idOf('dev02')}"]`);
      const [tab] = await Promise.all([browser.context.waitForEvent('page'), popupAction(row.locator('[data-testid="open-console"]').click())]);
      // Polled by path, so a failure names where the tab went (its query holds the sign-in token).
      await expect.poll(() => `${new URL(tab.url()).origin}${new URL(tab.url()).pathname}`, { timeout: 30_000 }).toBe(`${portal.url}/federation`);
      await expect.poll(() => tab.locator('main#console').getAttribute('data-tenant')).toBe('dev02');
      await tab.close();
      if (!popup.isClosed()) await popup.close();
    }
    expect(portal.issuedCredentials().filter((credentials) => credentials.scope === idOf('dev02'))).toHaveLength(1);
  });

  it('keeps the last list and says what is wrong when the portal answers 500, then malformed JSON', async () => {
    portal.setFaults([{ endpoint: 'admin/GetTenantsForUser', status: 500 }]);
    let popup = await openPopup(browser.context);
    const host = new URL(portal.url).host;
    await expect.poll(() => popup.locator('[data-testid="portal-error"]').textContent()).toContain(`${host} answered with a server error (HTTP 500).`);
    expect(await sortedRowScopes(popup)).toEqual(adminScopes().sort());
    await popup.close();

    portal.setFaults([{ endpoint: 'admin/GetTenantsForUser', malformedJson: true }]);
    popup = await openPopup(browser.context);
    await expect.poll(() => popup.locator('[data-testid="portal-error"]').textContent()).toContain(
      `${host} sent an answer this tool cannot use: the answer is not valid JSON.`,
    );
    expect(await sortedRowScopes(popup)).toEqual(adminScopes().sort());
    await popup.close();
    portal.setFaults([]);
  });

  it('shows the sign-in state when the session expires, and Sign in brings the list back through verify-token', async () => {
    portal.expireSessions();
    const popup = await openPopup(browser.context);
    await popup.locator('[data-testid="state-expired"]').waitFor();
    const [tab] = await Promise.all([browser.context.waitForEvent('page'), popupAction(popup.locator('[data-testid="sign-in"]').click())]);
    // The portal sends a signed-out visitor to its login page, then back to verify-token.
    await tab.locator('#username').waitFor();
    expect(tab.url()).toContain('/app/login?returnTo=%2Fapp%2Fuser%2Fverify-token');
    await authorizeSignIn(tab, portal);
    expect(portal.counters()['verify-token']).toBeGreaterThanOrEqual(1);
    const back = await openPopup(browser.context);
    expect(await sortedRowScopes(back)).toEqual(adminScopes().sort());
    await back.close();
  });

  it('leaves no token and no key in storage.local or storage.sync', async () => {
    const dump = await browser.worker.evaluate(async () => JSON.stringify([await chrome.storage.local.get(null), await chrome.storage.sync.get(null)]));
    const secrets = portal.issuedSecrets();
    expect(secrets.length).toBeGreaterThan(20);
    expect(secrets.filter((secret) => dump.includes(secret))).toEqual([]);
    expect(dump).toContain('payments-prod');
  });
});
