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
