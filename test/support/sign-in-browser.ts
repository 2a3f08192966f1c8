import type { BrowserContext, Page, Worker } from 'playwright-core';
import type { DemoPortal } from '../portal/index';
import { askWorker, optionsUrl, type DuploJitTestHook } from './portal-browser';

/** Opens the options page and adds a portal (the demo portal, at `origin`), as a user would. */
export async function addPortal(context: BrowserContext, origin: string): Promise<Page> {
  const options = await context.newPage();
  await options.goto(optionsUrl);
  const added = await askWorker(options, { type: 'add-portal', origin });
  if (!added.ok) throw new Error(`adding the portal failed: ${added.error.message}`);
  return options;
}

/** Starts a sign-in from an extension page (as the popup's Sign in does) and returns its tab. */
export async function startSignIn(context: BrowserContext, from: Page, origin: string): Promise<Page> {
  const [tab] = await Promise.all([context.waitForEvent('page'), askWorker(from, { type: 'sign-in', origin })]);
  return tab;
}

/**
 * Logs in on the portal's login page the sign-in tab was sent to, unless the portal page
 * already has a session, and waits for Authorize.
 */
export async function logInForSignIn(tab: Page, portal: DemoPortal): Promise<void> {
  const admin = portal.users.find((user) => user.role === 'admin')!;
  await tab.locator('#username, #authorize').first().waitFor();
  if (await tab.locator('#username').isVisible()) {
    await tab.fill('#username', admin.username);
    await tab.fill('#password', admin.password);
    await tab.click('#sign-in');
  }
  await tab.locator('#authorize').waitFor();
}

/** Logs in if asked, gives the MFA code if any, clicks Authorize, and waits for the extension to close the tab (the handoff done). */
export async function authorizeSignIn(tab: Page, portal: DemoPortal, otp?: string): Promise<void> {
  await logInForSignIn(tab, portal);
  if (otp) await tab.fill('#otp', otp);
  await Promise.all([tab.waitForEvent('close'), tab.click('#authorize')]);
}

/** Every declarativeNetRequest rule the extension has, of every kind, as the worker sees them. */
export function allRules(worker: Worker): Promise<unknown[]> {
  return worker.evaluate(async () => [
    ...(await chrome.declarativeNetRequest.getSessionRules()),
    ...(await chrome.declarativeNetRequest.getDynamicRules()),
    ...(await chrome.declarativeNetRequest.getEnabledRulesets()),
  ]);
}

/** Sets how long a sign-in waits for its handoff (the worker's test hook; 5 minutes otherwise). */
export async function setSignInTimeLimit(worker: Worker, ms: number): Promise<void> {
  await worker.evaluate((limit) => {
    (globalThis as unknown as DuploJitTestHook).duploJit.signInLimits.timeLimitMs = limit;
  }, ms);
}
