import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoPortal, type DemoPortal, type HandoffMode } from '../portal/index';
import { askFirefoxWorker, launchFirefoxWithExtension, type FirefoxWithExtension } from '../support/firefox';
import { firefoxRowScopes, openFirefoxPopup } from '../support/firefox-portal';
import { decodeMozLz4Files } from '../support/mozlz4';
import { filesHolding } from '../support/profile-files';

/**
 * Firefox's side of test/security/sign-in-profile: after a sign-in through each handoff form and
 * Firefox closed, the token and the MFA code are in no file of the profile (its session store
 * decoded too), except the portal page's own localStorage.
 */
const otp = '918273645501';
let portal: DemoPortal;
const browsers: FirefoxWithExtension[] = [];

beforeAll(async () => {
  portal = await startDemoPortal({ otpCode: otp });
});
afterAll(async () => {
  for (const firefox of browsers) await firefox.close();
  await portal?.stop();
});

describe('a sign-in in Firefox through the portal verify-token page', () => {
  it.each<HandoffMode>(['get', 'post', 'otp'])('%s: signs in, and leaves the token in no file of the profile once Firefox is closed', async (mode) => {
    portal.setHandoffMode(mode);
    const firefox = await launchFirefoxWithExtension();
    browsers.push(firefox);
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
    const token = await tab.evaluate(() => localStorage.getItem('duplo-demo-token'));
    expect(token).toMatch(/^\S{20,}$/);
    if (mode === 'otp') await tab.type('#otp', otp);
    const closed = new Promise<void>((done) => tab.once('close', () => done()));
    await tab.click('#authorize');
    await closed;
    const popup = await openFirefoxPopup(firefox);
    await popup.waitForSelector('[data-testid="row"]');
    expect((await firefoxRowScopes(popup)).sort()).toEqual(['admin', 'duplo-ops', ...portal.tenants.map((tenant) => tenant.id)].sort());
    // Closing writes out what Firefox holds in memory (places, session store).
    await firefox.browser.close();
    expect(await decodeMozLz4Files(firefox.home)).toBeGreaterThan(0);
    // The portal page keeps its own session in its localStorage (as the real portal does):
    // that copy is the portal's, not the handoff's, and the only one allowed.
    const portalStorage = join('profile', 'storage', 'default', `${portal.url.replace('://', '+++').replace(':', '+')}`, 'ls');
    const files = (await filesHolding(firefox.home, [token!, encodeURIComponent(token!), otp])).filter((file) => !file.startsWith(portalStorage));
    expect(files).toEqual([]);
  });
});
