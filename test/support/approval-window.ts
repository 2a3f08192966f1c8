import type { BrowserContext, Page } from 'playwright-core';

/** Clicks Allow or Deny; the answer closes the window, at times before Playwright's click returns, and that is success. */
export async function clickAnswer(page: Page, button: '#allow' | '#deny'): Promise<void> {
  await page.click(button).catch((error: unknown) => {
    if (!page.isClosed()) throw error;
  });
}

/**
 * Waits for the next approval window, clicks `button` once the prompt shows and the button is
 * armed, and returns the window's heading. Call it before starting the program that asks, so
 * the window cannot open unseen.
 */
export async function answerNextApproval(context: BrowserContext, button: '#allow' | '#deny'): Promise<string | null> {
  const page = await context.waitForEvent('page', { predicate: (opened) => opened.url().includes('/extension/approve/'), timeout: 30_000 });
  await page.locator('#scope').filter({ hasText: /\S/ }).waitFor({ timeout: 30_000 });
  await page.locator(`${button}:enabled`).waitFor({ timeout: 30_000 });
  const title = await page.locator('h1').textContent();
  await clickAnswer(page, button);
  return title;
}
