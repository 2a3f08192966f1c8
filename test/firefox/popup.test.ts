import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoPortal, type DemoPortal } from '../portal/index';
import { askFirefoxWorker, launchFirefoxWithExtension, type FirefoxWithExtension } from '../support/firefox';
import { firefoxRowScopes, openFirefoxPopup, signInOnPortalInFirefox } from '../support/firefox-portal';

let portal: DemoPortal;
let firefox: FirefoxWithExtension;

const idOf = (name: string) => portal.tenants.find((tenant) => tenant.name === name)!.id;

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

  it("opens a tenant's console in a new tab at the federated sign-in URL", async () => {
    const page = await openFirefoxPopup(firefox);
    const scope = (await firefoxRowScopes(page))[0]!;
    const tenant = portal.tenants.find((candidate) => candidate.id === scope)!;
    const opened = firefox.browser.waitForTarget((target) => target.url().includes('/federation?'), { timeout: 30_000 });
    const reply = await askFirefoxWorker(page, { type: 'open-console', origin: portal.url, scope });
    expect(reply.ok).toBe(true);
    const tab = await (await opened).page();
    await tab!.waitForSelector('main#console');
    expect(await tab!.$eval('main#console', (main) => main.getAttribute('data-tenant'))).toBe(tenant.name);
    expect(idOf(tenant.name)).toBe(scope);
    await Promise.all([tab!.close(), page.close()]);
  });
});
