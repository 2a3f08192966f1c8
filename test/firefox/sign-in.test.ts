import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoPortal, type DemoPortal } from '../portal/index';
import { askFirefoxWorker, launchFirefoxWithExtension, type FirefoxWithExtension } from '../support/firefox';
import { firefoxRowScopes, openFirefoxPopup } from '../support/firefox-portal';

let portal: DemoPortal;
let firefox: FirefoxWithExtension;

beforeAll(async () => {
  portal = await startDemoPortal();
  firefox = await launchFirefoxWithExtension();
});
afterAll(async () => {
  await firefox?.close();
  await portal?.stop();
});

describe('signing in from the Firefox add-on, through the portal page and its handoff', () => {
  it('takes the handed-over token, closes the tab, and the popup lists the tenants', async () => {
    const options = await firefox.openExtensionPage('extension/options/index.html');
    expect((await askFirefoxWorker(options, { type: 'add-portal', origin: portal.url })).ok).toBe(true);
    const opened = firefox.browser.waitForTarget((target) => target.url().startsWith(`${portal.url}/app/login`), { timeout: 30_000 });
    expect((await askFirefoxWorker(options, { type: 'sign-in', origin: portal.url })).ok).toBe(true);
    const tab = (await (await opened).page())!;
    const admin = portal.users.find((user) => user.role === 'admin')!;
    await tab.waitForSelector('#username');
    await tab.type('#username', admin.username);
    await tab.type('#password', admin.password);
    await tab.click('#sign-in');
    await tab.waitForSelector('#authorize');
    const closed = new Promise<void>((done) => tab.once('close', () => done()));
    await tab.click('#authorize');
    // Only the handoff closes the tab (background/sign-in.ts): the token came that way, not
    // from the portal page's own calls, which the add-on also sees.
    await closed;
    expect(portal.counters()['verify-token']).toBeGreaterThanOrEqual(1);
    const popup = await openFirefoxPopup(firefox);
    await popup.waitForSelector('[data-testid="row"]');
    expect((await firefoxRowScopes(popup)).length).toBe(portal.tenants.length + 2);
    await Promise.all([popup.close(), options.close()]);
  });
});
