import { describe, expect, it } from 'vitest';
import { destinationOf, popupOver, useConsoleBrowser } from '../support/console-browser';
import { pageMenuItemId } from '../../src/worker/page-menu-entries';
import { openPopup, popupAction } from '../support/portal-browser';

// The bare sign-in: the federation tab's URL then carries the Destination the test reads.
const consoles = useConsoleBrowser({ settings: { logoutFirst: false } });
const { idOf } = consoles;

describe('"Open this page in …" from an AWS console tab', () => {
  it('offers it in the popup, and a row opens the sign-in whose Destination is that page on the plain regional host', { timeout: 60_000 }, async () => {
    const page = 'https://123456789012-ab12cd.eu-central-1.console.aws.amazon.com/ec2/home?region=eu-central-1#Instances:';
    const { tab, popup } = await popupOver(consoles.browser, page);
    await expect.poll(() => popup.locator('[data-testid="this-page-label"]').textContent(), { timeout: 15_000 }).toBe('ec2 · eu-central-1');
    const row = popup.locator(`[data-testid="row"][data-scope="${idOf('qa')}"]`);
    expect(await row.locator('[data-testid="open-console"]').textContent()).toBe('This page');
    const [opened] = await Promise.all([consoles.browser.context.waitForEvent('page'), popupAction(row.locator('[data-testid="open-console"]').click())]);
    await opened.waitForURL(/\/federation\?/, { timeout: 30_000 });
    expect(destinationOf(opened)).toBe('https://eu-central-1.console.aws.amazon.com/ec2/home?region=eu-central-1#Instances:');
    expect(await opened.locator('main#console').getAttribute('data-tenant')).toBe('qa');
    expect(await opened.locator('main#console').getAttribute('data-region')).toBe('eu-central-1');
    await Promise.all([opened.close(), tab.close()]);
  });

  it('goes back to the console home when the user says so, and is not offered over other pages', { timeout: 60_000 }, async () => {
    const { tab, popup } = await popupOver(consoles.browser, 'https://us-west-2.console.aws.amazon.com/s3/buckets?region=us-west-2');
    await popup.locator('[data-testid="this-page"]').waitFor({ timeout: 15_000 });
    await popup.locator('[data-testid="this-page-off"]').click();
    await popup.locator('[data-testid="this-page"]').waitFor({ state: 'detached' });
    expect(await popup.locator(`[data-testid="row"][data-scope="${idOf('qa')}"] [data-testid="open-console"]`).textContent()).toBe('Console');
    await Promise.all([popup.close(), tab.close()]);

    const plain = await openPopup(consoles.browser.context);
    expect(await plain.locator('[data-testid="row"]').count()).toBeGreaterThan(0);
    expect(await plain.locator('[data-testid="this-page"]').count()).toBe(0);
    await plain.close();
  });
});

/** The handler a click on "Open this page in … › tenant" runs (extension/background/page-menus.ts); Playwright cannot click menus. */
function clickPageMenu(origin: string, scope: string, pageUrl: string): Promise<void> {
  const menuItemId = pageMenuItemId({ origin, scope });
  return consoles.browser.worker.evaluate(
    ([id, url]) => (globalThis as unknown as { duploJit: { openFromPageMenu(info: { menuItemId: string; pageUrl: string }): Promise<void> } }).duploJit.openFromPageMenu({ menuItemId: id, pageUrl: url }),
    [menuItemId, pageUrl] as const,
  );
}

describe('"Open this page in …" from the context menu of a console page', () => {
  it('opens the sign-in of the tenant picked, landing on the page', { timeout: 60_000 }, async () => {
    const page = 'https://ap-south-1.console.aws.amazon.com/lambda/home?region=ap-south-1#/functions';
    const [opened] = await Promise.all([consoles.browser.context.waitForEvent('page'), clickPageMenu(consoles.portal.url, idOf('staging'), page)]);
    await opened.waitForURL(/\/federation\?/, { timeout: 30_000 });
    expect(destinationOf(opened)).toBe(page);
    expect(await opened.locator('main#console').getAttribute('data-tenant')).toBe('staging');
    await opened.close();
  });

  it('opens nothing for a page of another partition', { timeout: 60_000 }, async () => {
    const pages = consoles.browser.context.pages().length;
    const issued = consoles.portal.issuedCredentials().length;
    await clickPageMenu(consoles.portal.url, idOf('dev01'), 'https://console.amazonaws-us-gov.com/ec2/home?region=us-gov-west-1');
    // The refusal comes after the keys are fetched (the sign-in's partition decides), so it is settled once they are.
    expect(consoles.portal.issuedCredentials().length).toBe(issued + 1);
    expect(consoles.browser.context.pages()).toHaveLength(pages);
  });
});
