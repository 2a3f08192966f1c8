import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handoffPort } from '../../src/worker/handoff';
import { startDemoPortal, type DemoPortal } from '../portal/index';
import { askFirefoxWorker, launchFirefoxWithExtension, type FirefoxWithExtension } from '../support/firefox';
import { firefoxRowScopes, openFirefoxPopup } from '../support/firefox-portal';

/**
 * The add-on's sign-in in Firefox through each way a verify-token page hands the token over
 * (the redirect, encoded twice with base64 tokens; the older portals' POST; the MFA portals'
 * POST with the code), as test/browser/sign-in-handoff-modes does for Chromium.
 */
let encodedTwice: DemoPortal;
let mfa: DemoPortal;
let firefox: FirefoxWithExtension;
let options: Page;
const otpCode = '246810';

beforeAll(async () => {
  encodedTwice = await startDemoPortal({ handoffMode: 'get-double-encoded', base64Tokens: true });
  mfa = await startDemoPortal({ otpCode });
  firefox = await launchFirefoxWithExtension();
  options = await firefox.openExtensionPage('extension/options/index.html');
});
afterAll(async () => {
  await firefox?.close();
  await encodedTwice?.stop();
  await mfa?.stop();
});

/** The browser's error for a POST the page sends to the handoff port. */
async function postFailure(page: Page, path: string): Promise<string | undefined> {
  const failed = new Promise<string | undefined>((done) =>
    page.on('requestfailed', (request) => {
      if (new URL(request.url()).port === String(handoffPort)) done(request.failure()?.errorText);
    }),
  );
  await page.evaluate((url) => fetch(url, { method: 'POST', body: 'x' }).catch(() => undefined), `http://localhost:${handoffPort}${path}`);
  return failed;
}

/** Starts a sign-in as the popup's Sign in does, logs in on the portal page if asked, gives the code if any, clicks Authorize; resolves when the add-on closes the tab. */
async function signIn(portal: DemoPortal, otp?: string, beforeAuthorize?: (tab: Page) => Promise<void>): Promise<void> {
  expect((await askFirefoxWorker(options, { type: 'add-portal', origin: portal.url })).ok).toBe(true);
  const opened = firefox.browser.waitForTarget((target) => target.url().startsWith(`${portal.url}/app/`), { timeout: 30_000 });
  expect((await askFirefoxWorker(options, { type: 'sign-in', origin: portal.url })).ok).toBe(true);
  const tab = (await (await opened).page())!;
  const admin = portal.users.find((user) => user.role === 'admin')!;
  // The portal asks for a login unless its page already has a session (an earlier test's).
  await tab.waitForSelector('#username, #authorize');
  if (await tab.$('#username')) {
    await tab.type('#username', admin.username);
    await tab.type('#password', admin.password);
    await tab.click('#sign-in');
  }
  await tab.waitForSelector('#authorize');
  if (otp) await tab.type('#otp', otp);
  await beforeAuthorize?.(tab);
  const closed = new Promise<void>((done) => tab.once('close', () => done()));
  await tab.click('#authorize');
  // Only the handoff closes the tab (background/sign-in.ts): the token came that way, not from
  // the portal page's own calls, which the add-on also sees.
  await closed;
}

async function listedScopes(): Promise<string[]> {
  const popup = await openFirefoxPopup(firefox);
  await popup.waitForSelector('[data-testid="row"]');
  const scopes = await firefoxRowScopes(popup);
  await popup.close();
  return scopes;
}

describe('signing in from the Firefox add-on, each handoff it takes', () => {
  it('get-double-encoded: a blocking listener stops the localhost redirect and signs in with the decoded token', async () => {
    await signIn(encodedTwice);
    expect(encodedTwice.counters()['v3/features/system']).toBe(2);
    expect(await listedScopes()).toContain('admin');
  });

  it('post: takes the token the page POSTs, and blocks what else the tab sends to the handoff port', async () => {
    mfa.setHandoffMode('post');
    // Whatever else the sign-in tab sends to the handoff port is blocked in the browser (the
    // tab's dNR rule); the page's handoff, too fast to watch (the tab closes), takes the same rule.
    await signIn(mfa, undefined, async (tab) => expect(await postFailure(tab, '/v2/other')).toBe('NS_ERROR_ABORT'));
    expect(await listedScopes()).toEqual(expect.arrayContaining(['admin', ...mfa.tenants.map((tenant) => tenant.id)]));
    // This portal wants an MFA code for admin access, and the older POST carries none.
    expect(await askFirefoxWorker(options, { type: 'copy-keys', origin: mfa.url, scope: 'admin' })).toMatchObject({ ok: false, error: { code: 'OTP_REQUIRED' } });
  });

  it('otp: takes the token and the MFA code, which the admin JIT call then sends', async () => {
    mfa.setHandoffMode('otp');
    await askFirefoxWorker(options, { type: 'forget-session', origin: mfa.url });
    await signIn(mfa, otpCode);
    expect(await listedScopes()).toContain('admin');
    expect(await askFirefoxWorker(options, { type: 'copy-keys', origin: mfa.url, scope: 'admin' })).toMatchObject({ ok: true });
  });
});
