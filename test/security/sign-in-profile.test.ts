import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoPortal, type DemoPortal, type HandoffMode } from '../portal/index';
import { launchWithExtension, type LoadedExtension } from '../support/chromium';
import { openPopup, rowScopes } from '../support/portal-browser';
import { filesHolding } from '../support/profile-files';
import { addPortal, logInForSignIn, startSignIn } from '../support/sign-in-browser';
import { selfSignedCertificate } from '../support/self-signed';

/**
 * The sign-in token (and an MFA code handed over with it) must not be written to the browser
 * profile (history, sessions, UKM, the download database...), where chrome://history, history
 * sync and any extension with the `history` permission could read it; whether the portal's page
 * hands it over by redirect or by POST. The portal is at a production origin
 * (`https://<name>.duplocloud.net`): the demo portal over TLS, the name mapped to loopback.
 */
const name = 'acme.duplocloud.net';
const acme = `https://${name}`;
/** Twelve digits, so that no other number in the profile's files matches it by chance. */
const otp = '918273645501';
let portal: DemoPortal;
const browsers: LoadedExtension[] = [];

beforeAll(async () => {
  portal = await startDemoPortal({ tls: { name, ...(await selfSignedCertificate(name)) } });
}, 30_000);
afterAll(async () => {
  for (const browser of browsers) {
    await browser.context.close();
    await rm(browser.profileDir, { recursive: true, force: true });
  }
  await portal?.stop();
});

describe('a sign-in through the portal verify-token page', () => {
  it.each<HandoffMode>(['get', 'post', 'otp'])('%s: signs in, and leaves the token in no file of the browser profile once the browser is closed', { timeout: 60_000 }, async (mode) => {
    portal.setHandoffMode(mode);
    const browser = await launchWithExtension({ extraArgs: ['--ignore-certificate-errors', `--host-resolver-rules=MAP ${name} ${portal.listening}`] });
    browsers.push(browser);
    const options = await addPortal(browser.context, acme);
    const tab = await startSignIn(browser.context, options, acme);
    await logInForSignIn(tab, portal);
    const token = await tab.evaluate(() => localStorage.getItem('duplo-demo-token'));
    expect(token).toMatch(/^\S{20,}$/);
    if (mode === 'otp') await tab.fill('#otp', otp);
    await Promise.all([tab.waitForEvent('close'), tab.click('#authorize')]);
    const popup = await openPopup(browser.context);
    // Signed in: the popup lists Admin, duplo-ops and every tenant.
    expect((await rowScopes(popup)).sort()).toEqual(['admin', 'duplo-ops', ...portal.tenants.map((tenant) => tenant.id)].sort());
    // Closing writes out what the browser holds in memory (History, Sessions, leveldb logs).
    await browser.context.close();
    // The portal page keeps its own session in its localStorage (as the real portal does):
    // that copy is the portal's, not the handoff's, and the only one allowed.
    const files = await filesHolding(browser.profileDir, [token!, encodeURIComponent(token!), otp], `_${acme}\u0000\u0001duplo-demo-token`);
    expect(files).toEqual([]);
  });
});
