import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handoffPort } from '../../src/worker/handoff';
import { startDemoPortal, type DemoPortal } from '../portal/index';
import { launchWithExtension, type LoadedExtension } from '../support/chromium';
import { askWorker, openPopup, optionsUrl, rowScopes } from '../support/portal-browser';
import { useRecordingServer } from '../support/recording-server';
import { addPortal, authorizeSignIn, logInForSignIn, startSignIn } from '../support/sign-in-browser';

/**
 * The extension's sign-in through each way a verify-token page hands the token over
 * (docs/duplo-api.md): the redirect with the token encoded twice in `?t=` (with tokens in
 * standard base64, the portal refuses the form the redirect rule hands over, and the worker
 * takes the once-more-decoded form), the older portals' POST of the token, and the MFA
 * portals' POST of the token and code to `/v2/callbackWithOtp`.
 */
let encodedTwice: DemoPortal;
let mfa: DemoPortal;
let browser: LoadedExtension;
const otpCode = '246810';
const otherSite = useRecordingServer();

beforeAll(async () => {
  encodedTwice = await startDemoPortal({ handoffMode: 'get-double-encoded', base64Tokens: true });
  mfa = await startDemoPortal({ otpCode });
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
  await encodedTwice?.stop();
  await mfa?.stop();
});

/** The browser's error for a POST the page sends to the handoff port (nothing listens there, so each one fails). */
async function postFailure(page: Page, path: string, body: string): Promise<string | undefined> {
  const [failed] = await Promise.all([
    page.waitForEvent('requestfailed', (request) => new URL(request.url()).port === String(handoffPort)),
    page.evaluate(([url, text]) => fetch(url, { method: 'POST', body: text }).catch(() => undefined), [`http://localhost:${handoffPort}${path}`, body] as const),
  ]);
  return failed.failure()?.errorText;
}

describe("the extension's sign-in, each handoff it takes", () => {
  it('get-double-encoded: signs in with the decoded token after the portal refused it as received', { timeout: 90_000 }, async () => {
    const options = await addPortal(browser.context, encodedTwice.url);
    const tab = await startSignIn(browser.context, options, encodedTwice.url);
    await authorizeSignIn(tab, encodedTwice);
    expect(encodedTwice.counters()['v3/features/system']).toBe(2);
    const popup = await openPopup(browser.context);
    await expect.poll(() => rowScopes(popup), { timeout: 20_000 }).toContain('admin');
  });

  it('post: takes the token the page POSTs, which never leaves the browser; a POST from another origin is ignored', { timeout: 90_000 }, async () => {
    mfa.setHandoffMode('post');
    const options = await addPortal(browser.context, mfa.url);
    const tab = await startSignIn(browser.context, options, mfa.url);
    await logInForSignIn(tab, mfa);
    // Another site plants a token of its own while the sign-in waits: not from the sign-in tab, not the portal.
    const other = await browser.context.newPage();
    await other.goto(otherSite.url);
    const planted = mfa.login('dev@duplo.demo');
    await other.evaluate(([url, token]) => fetch(url, { method: 'POST', body: token, mode: 'no-cors' }).catch(() => undefined), [`http://localhost:${handoffPort}/`, planted] as const);
    // Whatever else the sign-in tab sends to the handoff port is blocked in the browser; the
    // page's handoff, too fast to watch (the tab closes), takes the same rule.
    expect(await postFailure(tab, '/v2/other', 'x')).toBe('net::ERR_BLOCKED_BY_CLIENT');
    mfa.reset();
    await authorizeSignIn(tab, mfa);
    // One token check: the portal's own; the planted token was never tried.
    expect(mfa.counters()['v3/features/system']).toBe(1);
    const popup = await openPopup(browser.context);
    await expect.poll(() => rowScopes(popup), { timeout: 20_000 }).toEqual(expect.arrayContaining(['admin', ...mfa.tenants.map((tenant) => tenant.id)]));
    // This portal wants an MFA code for admin access, and the older POST carries none.
    expect(await askWorker(popup, { type: 'copy-keys', origin: mfa.url, scope: 'admin' })).toMatchObject({ ok: false, error: { code: 'OTP_REQUIRED' } });
  });

  it('otp: takes the token and the MFA code, which the admin JIT call then sends, even from a worker the POST woke', { timeout: 90_000 }, async () => {
    mfa.setHandoffMode('otp');
    const options = await browser.context.newPage();
    await options.goto(optionsUrl);
    await askWorker(options, { type: 'forget-session', origin: mfa.url });
    const tab = await startSignIn(browser.context, options, mfa.url);
    await logInForSignIn(tab, mfa);
    const cdp = await browser.context.newCDPSession(options);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await authorizeSignIn(tab, mfa, otpCode);
    const popup = await openPopup(browser.context);
    await expect.poll(() => rowScopes(popup), { timeout: 20_000 }).toContain('admin');
    expect(await askWorker(popup, { type: 'copy-keys', origin: mfa.url, scope: 'admin' })).toMatchObject({ ok: true });
  });
});
