import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoPortal, type DemoPortal } from '../portal/index';
import { launchWithExtension, type LoadedExtension } from '../support/chromium';
import { askWorker, openPopup, rowScopes, signInOnPortal } from '../support/portal-browser';

let portal: DemoPortal;
let browser: LoadedExtension;

beforeAll(async () => {
  [portal, browser] = await Promise.all([startDemoPortal(), launchWithExtension()]);
});
afterAll(async () => {
  await browser?.close();
  await portal?.stop();
});

describe('the popup for a tenant user', () => {
  it('asks to open the portal before any portal is known', async () => {
    const popup = await openPopup(browser.context);
    await popup.locator('[data-testid="state-no-portals"]').waitFor();
    await popup.close();
  });

  it('lists exactly the three tenants of the user and no Admin', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${browser.extensionUrl}extension/options/index.html`);
    expect((await askWorker(page, { type: 'add-portal', origin: portal.url })).ok).toBe(true);
    await signInOnPortal(browser.context, portal, 'user');
    const popup = await openPopup(browser.context);
    const mine = portal.users.find((user) => user.role === 'user')!.tenants;
    const expected = portal.tenants.filter((tenant) => mine.includes(tenant.name)).sort((a, b) => a.name.localeCompare(b.name));
    expect(await rowScopes(popup)).toEqual(expected.map((tenant) => tenant.id));
    expect(await popup.locator('[data-testid="row"]').allTextContents()).not.toContainEqual(expect.stringContaining('Admin'));
    await popup.close();
  });
});
