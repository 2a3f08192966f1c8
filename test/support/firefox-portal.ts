import type { Browser, Page } from 'puppeteer-core';
import type { DemoPortal } from '../portal/index';
import type { FirefoxWithExtension } from './firefox';

/** Signs in on the demo portal's own login page in Firefox, as a person would, and waits for its tenant list. */
export async function signInOnPortalInFirefox(browser: Browser, portal: DemoPortal, role: 'admin' | 'user'): Promise<Page> {
  const user = portal.users.find((candidate) => candidate.role === role)!;
  const page = await browser.newPage();
  await page.goto(`${portal.url}/app/login`);
  await page.type('#username', user.username);
  await page.type('#password', user.password);
  await Promise.all([page.waitForResponse((response) => response.url().endsWith('/admin/GetTenantsForUser')), page.click('#sign-in')]);
  return page;
}

/** A fresh popup page, after its refresh has finished. */
export async function openFirefoxPopup(firefox: FirefoxWithExtension): Promise<Page> {
  const page = await firefox.openExtensionPage('extension/popup/index.html');
  await page.setViewport({ width: 380, height: 600 });
  await page.waitForSelector('[data-testid="refreshing"]', { hidden: true, timeout: 30_000 });
  return page;
}

/** The rows' scopes, in the order the popup shows them. */
export function firefoxRowScopes(page: Page): Promise<string[]> {
  return page.$$eval('[data-testid="row"]', (rows) => rows.map((row) => row.getAttribute('data-scope') ?? ''));
}

/** The console tab `action` opens: the demo portal's federation page, once it shows the console. */
export async function firefoxConsoleTab(browser: Browser, action: () => Promise<unknown>): Promise<Page> {
  const opened = browser.waitForTarget((target) => target.url().includes('/federation?'), { timeout: 30_000 });
  await action();
  const tab = (await (await opened).page())!;
  await tab.waitForSelector('main#console', { timeout: 30_000 });
  return tab;
}

/** Clicks a row's Console button in a fresh popup, as a user does; resolves with the console tab it opened. */
export async function openConsoleFromFirefoxPopup(firefox: FirefoxWithExtension, scope: string): Promise<Page> {
  const popup = await openFirefoxPopup(firefox);
  const tab = await firefoxConsoleTab(firefox.browser, () => clickOpenConsole(popup, scope));
  if (!popup.isClosed()) await popup.close();
  return tab;
}

/** Clicks a row's Console button; the popup closes itself once the console is open, at times before the click returns. */
export async function clickOpenConsole(popup: Page, scope: string): Promise<void> {
  await popup.click(`[data-testid="row"][data-scope="${scope}"] [data-testid="open-console"]`).catch((error: unknown) => {
    if (!popup.isClosed()) throw error;
  });
}
