import type { KeyValueArea } from '../../src/storage/key-value';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import type { DemoPortal } from '../portal/index';
import { extensionId } from '../../src/bridge/extension-id';
import type { Reply, WorkerRequest } from '../../src/worker-messages/protocol';
import type { ReplyOf } from '../../src/worker';

export const popupUrl = `chrome-extension://${extensionId}/extension/popup/index.html`;
export const optionsUrl = `chrome-extension://${extensionId}/extension/options/index.html`;

/** Signs in on the demo portal's own login page, as a person would, and waits for its tenant list. */
export async function signInOnPortal(context: BrowserContext, portal: DemoPortal, role: 'admin' | 'user'): Promise<Page> {
  const user = portal.users.find((candidate) => candidate.role === role)!;
  const page = await context.newPage();
  await page.goto(`${portal.url}/app/login`);
  await page.fill('#username', user.username);
  await page.fill('#password', user.password);
  await Promise.all([page.waitForResponse((response) => response.url().endsWith('/admin/GetTenantsForUser')), page.click('#sign-in')]);
  return page;
}

/** Sends a request to the service worker from a page of the extension, as the popup does. */
export async function askWorker<Request extends WorkerRequest>(page: Page, request: Request): Promise<Reply<ReplyOf<Request['type']>>> {
  return page.evaluate((message) => chrome.runtime.sendMessage(message), request) as Promise<Reply<ReplyOf<Request['type']>>>;
}

/** Adds the demo portal from the options page, as a custom portal; loopback needs no permission prompt. */
export async function addPortal(context: BrowserContext, portal: DemoPortal): Promise<boolean> {
  const page = await context.newPage();
  await page.goto(optionsUrl);
  const added = (await askWorker(page, { type: 'add-portal', origin: portal.url })).ok;
  await page.close();
  return added;
}

/** What the extension copied, as the user sees it: the clipboard, read from one of the portal's pages. */
export async function clipboardText(context: BrowserContext, portal: DemoPortal): Promise<string> {
  await context.grantPermissions(['clipboard-read'], { origin: portal.url });
  const page = await context.newPage();
  await page.goto(`${portal.url}/app/login`);
  const text = await page.evaluate(() => navigator.clipboard.readText());
  await page.close();
  return text;
}

/** A fresh popup page, sized like the real popup, after its refresh has finished. */
export async function openPopup(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize({ width: 380, height: 600 });
  await page.goto(popupUrl);
  await page.locator('[data-testid="refreshing"]').waitFor({ state: 'detached' });
  return page;
}

/** "Copy kubeconfig" from `tenant`'s row menu in a fresh popup, as a person does it; waits for the popup to say it copied. */
export async function copyKubeconfigInPopup(context: BrowserContext, tenant: string): Promise<void> {
  const popup = await openPopup(context);
  const row = popup.locator('[data-testid="row"]', { hasText: tenant }).first();
  await row.locator('[data-testid="copy-menu"]').click();
  await popup.locator('[data-testid="copy-kubeconfig"]').click();
  await popup.locator('.toast', { hasText: `Copied a kubeconfig for ${tenant}` }).waitFor();
  await popup.close();
}

/** The rows' scopes, in the order the popup shows them. */
export function rowScopes(page: Page): Promise<string[]> {
  return page.locator('[data-testid="row"]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-scope') ?? ''));
}

/** What the worker puts on `globalThis` for tests (extension/background/index.ts). */
export interface DuploJitTestHook {
  duploJit: {
    copyFromMenu(info: { menuItemId: string }): Promise<void>;
    storage: Record<StorageName, KeyValueArea>;
    signInLimits: { timeLimitMs: number };
    approvalLimits: { armMs: number };
    renewLimits: { leadMs: number };
    /** What a click on a console renewal notification (or its Renew button) runs. */
    renewConsole(notificationId: string): Promise<void>;
  };
}

/** `memory` is storage.session, `disk` storage.local, as the worker names them. */
type StorageName = 'memory' | 'disk';

/**
 * Writes one stored value (removes it, for undefined) through the worker's in-memory copy of
 * its storage: the worker is that storage's only writer, so a test writing around it would
 * leave the copy stale.
 */
export async function storeInWorker(worker: Worker, area: StorageName, key: string, value: unknown): Promise<void> {
  await worker.evaluate(
    ([name, storedKey, stored]) => {
      const target = (globalThis as unknown as DuploJitTestHook).duploJit.storage[name];
      return stored === undefined ? target.remove(storedKey) : target.set(storedKey, stored);
    },
    [area, key, value] as const,
  );
}

/** Reads one stored value as the worker sees it. */
export function readInWorker(worker: Worker, area: StorageName, key: string): Promise<unknown> {
  return worker.evaluate(([name, storedKey]) => (globalThis as unknown as DuploJitTestHook).duploJit.storage[name].get(storedKey), [area, key] as const);
}

/** The keys of one area as the worker sees them. */
export function keysInWorker(worker: Worker, area: StorageName): Promise<string[]> {
  return worker.evaluate((name) => (globalThis as unknown as DuploJitTestHook).duploJit.storage[name].keys(), area);
}

/** Sets how long an approval prompt shows before its Allow counts (1 s otherwise); returns the old value. */
export function setApprovalArmDelay(worker: Worker, ms: number): Promise<number> {
  return worker.evaluate((armMs) => {
    const limits = (globalThis as unknown as DuploJitTestHook).duploJit.approvalLimits;
    const old = limits.armMs;
    limits.armMs = armMs;
    return old;
  }, ms);
}

/** Runs the handler a click on a "Copy AWS keys" menu item runs; Playwright cannot click menus. */
export async function clickCopyMenu(worker: Worker, menuItemId: string): Promise<void> {
  await worker.evaluate((id) => (globalThis as unknown as DuploJitTestHook).duploJit.copyFromMenu({ menuItemId: id }), menuItemId);
}

/**
 * An action on the popup that may close it (it closes itself after opening a console), so
 * Playwright can report the page gone before the action returns: that is success.
 */
export async function popupAction(action: Promise<unknown>): Promise<void> {
  await action.catch((error: unknown) => {
    if (!(error instanceof Error && error.message.includes('has been closed'))) throw error;
  });
}
