import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OmniboxSuggestion } from '../../src/worker';
import { startDemoPortal, type DemoPortal } from '../portal/index';
import { askFirefoxWorker, launchFirefoxWithExtension, type FirefoxWithExtension } from '../support/firefox';
import { onFirefoxBackground, type FirefoxHookCall } from '../support/firefox-hook';
import { firefoxConsoleTab, signInOnPortalInFirefox } from '../support/firefox-portal';

let portal: DemoPortal;
let firefox: FirefoxWithExtension;
let page: Page;

/** Calls an omnibox or shortcut handler on the background page, as those events do. */
const onBackground = (call: FirefoxHookCall) => onFirefoxBackground(page, call) as Promise<OmniboxSuggestion[] | undefined>;

const federationTab = (action: () => Promise<unknown>) => firefoxConsoleTab(firefox.browser, action);

beforeAll(async () => {
  portal = await startDemoPortal();
  firefox = await launchFirefoxWithExtension();
  page = await firefox.openExtensionPage('extension/options/index.html');
  expect((await askFirefoxWorker(page, { type: 'add-portal', origin: portal.url })).ok).toBe(true);
  await signInOnPortalInFirefox(firefox.browser, portal, 'user');
  // The keyword suggests from the stored tenant list, which the popup's refresh fetches.
  const reply = await askFirefoxWorker(page, { type: 'refresh', origin: portal.url });
  expect(reply.ok && reply.value.rows.length).toBeGreaterThan(0);
}, 60_000);
afterAll(async () => {
  await firefox?.close();
  await portal?.stop();
});

describe('the Firefox add-on’s jit keyword and last-console shortcut', () => {
  it('suggests tenants in plain text (Firefox shows no markup) and opens the best match in the tab on Enter', { timeout: 60_000 }, async () => {
    expect((await onBackground({ suggest: 'qa' }))?.map((suggestion) => suggestion.content)).toEqual(['qa']);
    expect((await onBackground({ suggest: 'qa' }))![0]!.description).toBe(`qa · ${new URL(portal.url).host} · Enter: console, Alt+Enter: copy keys`);
    const here = await firefox.browser.newPage();
    await here.bringToFront();
    const tab = await federationTab(() => onBackground({ enter: 'qa', disposition: 'currentTab' }));
    expect(await tab.$eval('main#console', (main) => main.getAttribute('data-tenant'))).toBe('qa');
    // Enter opens the console in the tab the keyword was typed in, not in another.
    expect(tab).toBe(here);
    await tab.close();
  });

  it('opens the tenant used last with the shortcut’s handler', { timeout: 60_000 }, async () => {
    const tab = await federationTab(() => onBackground({ command: 'open-last-console' }));
    expect(await tab.$eval('main#console', (main) => main.getAttribute('data-tenant'))).toBe('qa');
    await tab.close();
  });
});
