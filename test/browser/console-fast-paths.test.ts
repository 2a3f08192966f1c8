import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatCredentials } from '../../src/aws/copy-formats';
import type { OmniboxSuggestion } from '../../src/worker';
import { destinationOf, useConsoleBrowser } from '../support/console-browser';
import { askWorker, clipboardText, openPopup, popupAction } from '../support/portal-browser';

// The bare sign-in: the federation tab's URL then carries the Destination the test reads.
const consoles = useConsoleBrowser({ settings: { logoutFirst: false } });
const { idOf } = consoles;

/** The handlers the omnibox and shortcut listeners call (extension/background/index.ts): Playwright can neither type in the omnibox nor press a browser shortcut. */
interface FastPathHook {
  duploJit: {
    omniboxSuggest(text: string): Promise<OmniboxSuggestion[]>;
    omniboxEnter(text: string, disposition: string): Promise<void>;
    runCommand(command: string): Promise<void>;
  };
}
const suggest = (text: string) => consoles.browser.worker.evaluate((typed) => (globalThis as unknown as FastPathHook).duploJit.omniboxSuggest(typed), text);
const enter = (text: string, disposition: string) =>
  consoles.browser.worker.evaluate(([typed, how]) => (globalThis as unknown as FastPathHook).duploJit.omniboxEnter(typed, how), [text, disposition] as const);
const command = (name: string) => consoles.browser.worker.evaluate((which) => (globalThis as unknown as FastPathHook).duploJit.runCommand(which), name);

/** Runs `action`, which should open one tab on the federation sign-in, and returns that tab once it landed. */
async function opens(action: () => Promise<void>): Promise<Page> {
  const [tab] = await Promise.all([consoles.browser.context.waitForEvent('page'), action()]);
  await tab.waitForURL(/\/federation\?/, { timeout: 30_000 });
  return tab;
}

/** Enter on the keyword in the active tab: the console opens in that tab, which is returned once it landed. */
async function enterHere(text: string): Promise<Page> {
  const tab = await consoles.browser.context.newPage();
  await tab.bringToFront();
  await enter(text, 'currentTab');
  await tab.waitForURL(/\/federation\?/, { timeout: 30_000 });
  return tab;
}

describe('the jit omnibox keyword', () => {
  it('suggests the tenants a few letters match, those starting with them first', async () => {
    const suggestions = await suggest('pay');
    expect(suggestions.map((suggestion) => suggestion.content)).toEqual(['payments-prod']);
    expect(suggestions[0]!.description).toBe(`<match>payments-prod</match> <dim>· ${new URL(consoles.portal.url).host} · Enter: console, Alt+Enter: copy keys</dim>`);
    expect(await suggest('zzz')).toEqual([]);
  });

  it('suggests the dev0… tenants for "jit dev0", and Enter opens the first one\'s console', { timeout: 60_000 }, async () => {
    expect((await suggest('dev0')).map((suggestion) => suggestion.content)).toEqual(['dev01', 'dev02', 'dev03']);
    const tab = await enterHere('dev0');
    expect(await tab.locator('main#console').getAttribute('data-tenant')).toBe('dev01');
    await tab.close();
  });

  it('opens the console of the best match in the tab on Enter, and in a new tab for a background-tab choice', { timeout: 60_000 }, async () => {
    const pages = consoles.browser.context.pages().length;
    const tab = await enterHere('payments');
    expect(await tab.locator('main#console').getAttribute('data-tenant')).toBe('payments-prod');
    expect(consoles.browser.context.pages()).toHaveLength(pages + 1);
    await tab.close();

    const other = await opens(() => enter('staging', 'newBackgroundTab'));
    expect(await other.locator('main#console').getAttribute('data-tenant')).toBe('staging');
    await other.close();
  });

  it('copies the keys in the default format on Alt+Enter, opening no tab', { timeout: 60_000 }, async () => {
    const pages = consoles.browser.context.pages().length;
    await enter('qa', 'newForegroundTab');
    expect(consoles.browser.context.pages()).toHaveLength(pages);
    const issued = consoles.portal.issuedCredentials().filter((credentials) => credentials.scope === idOf('qa')).at(-1)!;
    const keys = { accessKeyId: issued.AccessKeyId, secretAccessKey: issued.SecretAccessKey, sessionToken: issued.SessionToken, region: issued.Region };
    expect(await clipboardText(consoles.browser.context, consoles.portal)).toBe(formatCredentials('bash', keys));
  });
});

describe('the open-last-console shortcut and a tenant’s own region and service', () => {
  it('sets them from the row’s menu in the popup, refusing what is not a region, and the row’s Console lands there', { timeout: 60_000 }, async () => {
    const popup = await openPopup(consoles.browser.context);
    const row = popup.locator(`[data-testid="row"][data-scope="${idOf('qa')}"]`);
    await row.locator('[data-testid="copy-menu"]').click();
    await popup.locator('[data-testid="console-default-open"]').click();
    const region = popup.locator('[data-testid="console-default-region"]');
    await expect.poll(() => region.isEnabled(), { timeout: 20_000 }).toBe(true);
    await region.fill('Sydney');
    await popup.locator('[data-testid="console-default-service"]').fill('rds');
    await popup.locator('[data-testid="console-default-save"]').click();
    await expect.poll(() => popup.locator('[data-testid="console-default"] [role="alert"]').textContent(), { timeout: 20_000 }).toBe('“Sydney” is not a region name like eu-west-1.');
    await region.fill('ap-southeast-2');
    await popup.locator('[data-testid="console-default-save"]').click();
    await popup.locator('[data-testid="console-default"]').waitFor({ state: 'detached' });
    expect(await askWorker(popup, { type: 'console-default', origin: consoles.portal.url, scope: idOf('qa') })).toEqual({ ok: true, value: { region: 'ap-southeast-2', service: 'rds' } });

    const tab = await opens(() => popupAction(row.locator('[data-testid="open-console"]').click()));
    expect(destinationOf(tab)).toBe('https://ap-southeast-2.console.aws.amazon.com/rds/home?region=ap-southeast-2');
    await tab.close();
  });

  it('opens the console of the tenant used last, on the region and service set for it', { timeout: 60_000 }, async () => {
    // qa was used last (its console, above).
    const tab = await opens(() => command('open-last-console'));
    expect(await tab.locator('main#console').getAttribute('data-tenant')).toBe('qa');
    expect(destinationOf(tab)).toBe('https://ap-southeast-2.console.aws.amazon.com/rds/home?region=ap-southeast-2');
    await tab.close();

    const fromOmnibox = await enterHere('qa');
    expect(destinationOf(fromOmnibox)).toBe('https://ap-southeast-2.console.aws.amazon.com/rds/home?region=ap-southeast-2');
    await fromOmnibox.close();
  });

  it('ignores a command it does not know', async () => {
    const pages = consoles.browser.context.pages().length;
    await command('no-such-command');
    expect(consoles.browser.context.pages()).toHaveLength(pages);
  });
});
