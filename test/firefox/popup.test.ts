import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoPortal, type DemoPortal } from '../portal/index';
import { formatCredentials } from '../../src/aws/copy-formats';
import { menuItemId } from '../../src/worker/menu-entries';
import { askFirefoxWorker, clickFirefoxCopyMenu, firefoxClipboardText, launchFirefoxWithExtension, type FirefoxWithExtension } from '../support/firefox';
import { clickOpenConsole, firefoxConsoleTab, firefoxRowScopes, openFirefoxPopup, signInOnPortalInFirefox } from '../support/firefox-portal';

let portal: DemoPortal;
let firefox: FirefoxWithExtension;

const idOf = (name: string) => portal.tenants.find((tenant) => tenant.name === name)!.id;
const clipboardText = () => firefoxClipboardText(firefox, `${portal.url}/app/login`);

function lastIssued(scope: string) {
  const issued = portal.issuedCredentials().filter((credentials) => credentials.scope === scope).at(-1)!;
  return { accessKeyId: issued.AccessKeyId, secretAccessKey: issued.SecretAccessKey, sessionToken: issued.SessionToken, region: issued.Region };
}

beforeAll(async () => {
  portal = await startDemoPortal();
  firefox = await launchFirefoxWithExtension();
  // The demo portal is added like any custom portal; loopback needs no permission prompt.
  const options = await firefox.openExtensionPage('extension/options/index.html');
  expect((await askFirefoxWorker(options, { type: 'add-portal', origin: portal.url })).ok).toBe(true);
  await options.close();
  await signInOnPortalInFirefox(firefox.browser, portal, 'user');
});
afterAll(async () => {
  await firefox?.close();
  await portal?.stop();
});

describe('the Firefox add-on, signed in on the demo portal as a tenant user', () => {
  it("lists the user's tenants in the popup with no other step (the session observed from the portal's own calls)", async () => {
    const user = portal.users.find((candidate) => candidate.role === 'user')!;
    const popup = await openFirefoxPopup(firefox);
    await popup.waitForSelector('[data-testid="row"]');
    const expected = portal.tenants.filter((tenant) => user.tenants.includes(tenant.name) || user.tenants.includes(tenant.id)).map((tenant) => tenant.id);
    expect((await firefoxRowScopes(popup)).sort()).toEqual(expected.sort());
    await popup.close();
  });

  it("opens a tenant's console from its row, in a new tab at the federated sign-in URL", async () => {
    const page = await openFirefoxPopup(firefox);
    const scope = (await firefoxRowScopes(page))[0]!;
    const tenant = portal.tenants.find((candidate) => candidate.id === scope)!;
    const tab = await firefoxConsoleTab(firefox.browser, () => clickOpenConsole(page, scope));
    expect(await tab.$eval('main#console', (main) => main.getAttribute('data-tenant'))).toBe(tenant.name);
    expect(idOf(tenant.name)).toBe(scope);
    await tab.close();
    if (!page.isClosed()) await page.close();
  });

  it("copies a tenant's keys from the popup to the clipboard (the background page's own document: no offscreen documents in Firefox)", async () => {
    const page = await openFirefoxPopup(firefox);
    const scope = idOf('qa');
    const reply = await askFirefoxWorker(page, { type: 'copy-keys', origin: portal.url, scope, format: 'bash' });
    expect(reply.ok).toBe(true);
    expect(await clipboardText()).toBe(formatCredentials('bash', lastIssued(scope)));
    await page.close();
  });

  it('copies exactly the PowerShell text through the context-menu handler', async () => {
    const page = await firefox.openExtensionPage('extension/options/index.html');
    const scope = idOf('staging');
    await clickFirefoxCopyMenu(page, menuItemId({ origin: portal.url, scope, format: 'powershell' }));
    expect(await clipboardText()).toBe(formatCredentials('powershell', lastIssued(scope)));
    await page.close();
  });
});
