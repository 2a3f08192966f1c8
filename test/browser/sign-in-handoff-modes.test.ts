import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoPortal, type DemoPortal } from '../portal/index';
import { launchWithExtension, type LoadedExtension } from '../support/chromium';
import { openPopup, rowScopes } from '../support/portal-browser';
import { addPortal, authorizeSignIn, startSignIn } from '../support/sign-in-browser';

/**
 * The extension's sign-in through a verify-token page that encodes the token twice in `?t=`
 * (docs/duplo-api.md): with tokens in standard base64, the portal refuses the form the redirect
 * rule hands over, and the worker takes the once-more-decoded form.
 */
let portal: DemoPortal;
let browser: LoadedExtension;

beforeAll(async () => {
  portal = await startDemoPortal({ handoffMode: 'get-double-encoded', base64Tokens: true });
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
  await portal?.stop();
});

describe("the extension's sign-in, each handoff it takes", () => {
  it('get-double-encoded: signs in with the decoded token after the portal refused it as received', { timeout: 90_000 }, async () => {
    const options = await addPortal(browser.context, portal.url);
    const tab = await startSignIn(browser.context, options, portal.url);
    await authorizeSignIn(tab, portal);
    expect(portal.counters()['v3/features/system']).toBe(2);
    const popup = await openPopup(browser.context);
    await expect.poll(() => rowScopes(popup), { timeout: 20_000 }).toContain('admin');
  });
});
