import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { popupOver, useConsoleBrowser } from '../support/console-browser';
import { openPopup, popupAction, type DuploJitTestHook } from '../support/portal-browser';

const consoles = useConsoleBrowser({ settings: { multiSession: true } });
const { idOf, registry, openFromPopup } = consoles;

const jitCalls = () => consoles.portal.issuedCredentials().length;
const signIns = () => consoles.portal.counters().federation ?? 0;
const multiSessionHost = '123456789012-abcd1234.us-east-1.console.aws.amazon.com';

const activeTabId = () => consoles.browser.worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id);


/**
 * Clicks `scope`'s Console button in `popup` and checks that it only focused `tabId`: no new
 * tab, no JIT call and no sign-in.
 */
async function expectFocusOnly(popup: Page, scope: string, tabId: number): Promise<void> {
  const [jit, federation] = [jitCalls(), signIns()];
  const newPages: Page[] = [];
  const onPage = (page: Page) => newPages.push(page);
  consoles.browser.context.on('page', onPage);
  await popupAction(popup.locator(`[data-testid="row"][data-scope="${scope}"] [data-testid="open-console"]`).click());
  await expect.poll(activeTabId, { timeout: 30_000 }).toBe(tabId);
  consoles.browser.context.off('page', onPage);
  if (!popup.isClosed()) await popup.close();
  expect([newPages.length, jitCalls(), signIns()]).toEqual([0, jit, federation]);
}

describe('console tabs with AWS multi-session on', () => {
  it('focuses the live session of a tenant instead of signing in again, and the popup says when it ends', { timeout: 90_000 }, async () => {
    const tab = await openFromPopup('qa');
    await expect.poll(async () => (await registry()).map(({ scope }) => scope), { timeout: 20_000 }).toEqual([idOf('qa')]);
    const { tabId } = (await registry())[0]!;

    const popup = await openPopup(consoles.browser.context);
    const row = popup.locator(`[data-testid="row"][data-scope="${idOf('qa')}"]`);
    await expect.poll(() => row.locator('[data-testid="console-until"]').textContent(), { timeout: 20_000 }).toMatch(/^console until \d\d:\d\d$/);
    await expectFocusOnly(popup, idOf('qa'), tabId);
    await tab.close();
    await expect.poll(registry, { timeout: 20_000 }).toEqual([]);
  });

  it('signs in to A and then B with no logout between, and keeps both sessions', { timeout: 90_000 }, async () => {
    const [federation, logouts] = [signIns(), consoles.portal.counters().oauth ?? 0];
    const a = await openFromPopup('qa');
    const b = await openFromPopup('dev01');
    expect([signIns() - federation, (consoles.portal.counters().oauth ?? 0) - logouts]).toEqual([2, 0]);
    await expect.poll(async () => (await registry()).map(({ scope }) => scope).sort(), { timeout: 20_000 }).toEqual([idOf('qa'), idOf('dev01')].sort());
    await Promise.all([a.close(), b.close()]);
    await expect.poll(registry, { timeout: 20_000 }).toEqual([]);
  });

  it('follows its tab onto a multi-session console host, and lets it go when it leaves AWS', { timeout: 90_000 }, async () => {
    const tab = await openFromPopup('dev01');
    await tab.goto(`https://${multiSessionHost}/console/home?region=us-east-1`);
    expect(await tab.locator('#fake-console').getAttribute('data-host')).toBe(multiSessionHost);
    await expect.poll(async () => (await registry()).map(({ sessionHost }) => sessionHost), { timeout: 20_000 }).toEqual([multiSessionHost]);
    await tab.goto('about:blank');
    await expect.poll(registry, { timeout: 20_000 }).toEqual([]);
    await tab.close();
  });

  it('still knows its tab after the worker was stopped (storage.session), and focuses it', { timeout: 90_000 }, async () => {
    const tab = await openFromPopup('sandbox');
    await expect.poll(async () => (await registry()).map(({ scope }) => scope), { timeout: 20_000 }).toEqual([idOf('sandbox')]);
    const { tabId } = (await registry())[0]!;

    const popup = await openPopup(consoles.browser.context);
    const cdp = await consoles.browser.context.newCDPSession(popup);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    // The popup's message wakes the worker, which reads the registry afresh.
    await expectFocusOnly(popup, idOf('sandbox'), tabId);
    await tab.close();
    await expect.poll(registry, { timeout: 20_000 }).toEqual([]);
  });

  it("opens a page in another tenant's live session on that session's own host, with no sign-in", { timeout: 90_000 }, async () => {
    const b = await openFromPopup('dev02');
    const bHost = '222222222222-bbbb.us-east-1.console.aws.amazon.com';
    await b.goto(`https://${bHost}/console/home?region=us-east-1`);
    await expect.poll(async () => (await registry()).map(({ sessionHost }) => sessionHost), { timeout: 20_000 }).toEqual([bHost]);
    const { tab: a, popup } = await popupOver(consoles.browser, 'https://111111111111-aaaa.us-west-2.console.aws.amazon.com/ec2/home?region=us-west-2#Instances:');
    const [jit, federation] = [jitCalls(), signIns()];
    const row = popup.locator(`[data-testid="row"][data-scope="${idOf('dev02')}"]`);
    const [moved] = await Promise.all([consoles.browser.context.waitForEvent('page', { timeout: 30_000 }), popupAction(row.locator('[data-testid="open-console"]').click())]);
    await moved.locator('#fake-console').waitFor({ timeout: 30_000 });
    expect(moved.url()).toBe(`https://${bHost}/ec2/home?region=us-west-2#Instances:`);
    expect([jitCalls(), signIns()]).toEqual([jit, federation]);
    await expect.poll(async () => (await registry()).map(({ scope }) => scope), { timeout: 20_000 }).toEqual([idOf('dev02'), idOf('dev02')]);
    if (!popup.isClosed()) await popup.close();
    await Promise.all([a.close(), b.close(), moved.close()]);
    await expect.poll(registry, { timeout: 20_000 }).toEqual([]);
  });

  it('renews a session in its own multi-session slot: the sign-in lands on the page on its session host, with no logout', { timeout: 90_000 }, async () => {
    const tab = await openFromPopup('dev03');
    const page = 'https://444444444444-dddd.eu-west-1.console.aws.amazon.com/ec2/home?region=eu-west-1#Instances:';
    await tab.goto(page);
    await expect.poll(async () => (await registry()).map(({ sessionHost }) => sessionHost), { timeout: 20_000 }).toEqual([new URL(page).hostname]);
    const { tabId } = (await registry())[0]!;
    const logouts = consoles.portal.counters().oauth ?? 0;
    await consoles.browser.worker.evaluate((id) => (globalThis as unknown as DuploJitTestHook).duploJit.renewConsole(id), `console-renew:${tabId}`);
    await expect.poll(() => tab.locator('main#console').getAttribute('data-tenant'), { timeout: 30_000 }).toBe('dev03');
    expect([new URL(tab.url()).pathname, new URL(tab.url()).searchParams.get('Destination'), (consoles.portal.counters().oauth ?? 0) - logouts]).toEqual(['/federation', page, 0]);
    expect((await registry()).map((entry) => entry.tabId)).toEqual([tabId]);
    await tab.close();
    await expect.poll(registry, { timeout: 20_000 }).toEqual([]);
  });

  it('asks before a sixth session, and "Sign out the oldest" signs it out on its own host, closes its tab and opens the new one', { timeout: 180_000 }, async () => {
    const tabs: Page[] = [];
    for (const name of ['dev01', 'dev02', 'dev03', 'qa', 'uat']) tabs.push(await openFromPopup(name));
    // Where AWS's multi-session sign-in would have taken the oldest: its own session host.
    const oldestHost = '333333333333-cccc.us-east-1.console.aws.amazon.com';
    await tabs[0]!.goto(`https://${oldestHost}/console/home?region=us-east-1`);
    await expect.poll(async () => (await registry()).find(({ scope }) => scope === idOf('dev01'))?.sessionHost, { timeout: 20_000 }).toBe(oldestHost);
    const popup = await openPopup(consoles.browser.context);
    const row = popup.locator(`[data-testid="row"][data-scope="${idOf('staging')}"]`);
    const jit = jitCalls();
    await row.locator('[data-testid="open-console"]').click();
    const toast = popup.locator('[data-testid="toast"]');
    await expect.poll(() => toast.textContent(), { timeout: 20_000 }).toContain('AWS allows 5 console sessions at once with multi-session, and 5 are open.');
    expect(await toast.textContent()).toContain(`Sign out the oldest (dev01 on ${new URL(consoles.portal.url).host})`);
    expect(jitCalls()).toBe(jit);

    const [staging] = await Promise.all([
      consoles.browser.context.waitForEvent('page', { timeout: 30_000 }),
      tabs[0]!.waitForEvent('close', { timeout: 30_000 }),
      popupAction(popup.locator('[data-testid="sign-out-oldest"]').click()),
    ]);
    expect(consoles.fake.seen.filter((request) => request.endsWith('/console/logout!doLogout'))).toEqual([`${oldestHost}/console/logout!doLogout`]);
    await expect.poll(() => staging.locator('main#console').getAttribute('data-tenant'), { timeout: 30_000 }).toBe('staging');
    await expect.poll(async () => (await registry()).map(({ scope }) => scope).sort(), { timeout: 20_000 }).toEqual(['dev02', 'dev03', 'qa', 'uat', 'staging'].map(idOf).sort());
    await Promise.all([...tabs.slice(1), staging].map((tab) => tab.close()));
  });
});
