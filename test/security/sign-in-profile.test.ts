import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoPortal, type DemoPortal } from '../portal/index';
import { launchWithExtension, type LoadedExtension } from '../support/chromium';
import { openPopup, rowScopes } from '../support/portal-browser';
import { filesHolding } from '../support/profile-files';
import { addPortal, logInForSignIn, startSignIn } from '../support/sign-in-browser';
import { startTlsFront, type TlsFront } from '../support/tls-front';

/**
 * The sign-in token must not be written to the browser profile (history, sessions, UKM, the
 * download database...), where chrome://history, history sync and any extension with the
 * `history` permission could read it. The portal is at a production origin
 * (`https://<name>.duplocloud.net`): the demo portal behind TLS, the name mapped to loopback.
 */
const acme = 'https://acme.duplocloud.net';
let portal: DemoPortal;
let front: TlsFront;
let browser: LoadedExtension;

beforeAll(async () => {
  portal = await startDemoPortal();
  front = await startTlsFront({ host: '127.0.0.1', port: Number(new URL(portal.url).port) });
  browser = await launchWithExtension({ extraArgs: ['--ignore-certificate-errors', `--host-resolver-rules=MAP acme.duplocloud.net 127.0.0.1:${front.port}`] });
}, 30_000);
afterAll(async () => {
  await browser?.context.close();
  await rm(browser?.profileDir ?? '', { recursive: true, force: true });
  await front?.close();
  await portal?.stop();
});

describe('a sign-in through the portal verify-token page', () => {
  it('signs in, and leaves the token in no file of the browser profile once the browser is closed', { timeout: 60_000 }, async () => {
    const options = await addPortal(browser.context, acme);
    const tab = await startSignIn(browser.context, options, acme);
    await logInForSignIn(tab, portal);
    const token = await tab.evaluate(() => localStorage.getItem('duplo-demo-token'));
    expect(token).toMatch(/^\S{20,}$/);
    await Promise.all([tab.waitForEvent('close'), tab.click('#authorize')]);
    const popup = await openPopup(browser.context);
    // Signed in: the popup lists Admin, duplo-ops and every tenant.
    expect((await rowScopes(popup)).sort()).toEqual(['admin', 'duplo-ops', ...portal.tenants.map((tenant) => tenant.id)].sort());
    // Closing writes out what the browser holds in memory (History, Sessions, leveldb logs).
    await browser.context.close();
    // The portal page keeps its own session in its localStorage (as the real portal does):
    // that copy is the portal's, not the handoff's, and the only one allowed.
    const files = await filesHolding(browser.profileDir, [token!, encodeURIComponent(token!)], `_${acme}\u0000\u0001duplo-demo-token`);
    expect(files).toEqual([]);
  });
});
