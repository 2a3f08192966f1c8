import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoPortal, type DemoPortal } from '../portal/index';
import { launchWithExtension, type LoadedExtension } from '../support/chromium';
import { askWorker, optionsUrl } from '../support/portal-browser';

/** The options page's forms, typed into and submitted as a person would. */
let portal: DemoPortal;
let browser: LoadedExtension;
let page: Page;

beforeAll(async () => {
  [portal, browser] = await Promise.all([startDemoPortal(), launchWithExtension()]);
  page = await browser.context.newPage();
  await page.goto(optionsUrl);
});
afterAll(async () => {
  await browser?.close();
  await portal?.stop();
});

const text = (testid: string) => page.locator(`[data-testid="${testid}"]`).textContent();

describe('the options page', () => {
  it('refuses a plain-http portal address outside loopback, and says how to write it', async () => {
    await page.locator('[data-testid="portal-origin"]').fill('http://acme.example.com');
    await page.locator('[data-testid="add-portal"]').click();
    await expect.poll(() => text('add-portal-status')).toBe('Refusing to send a token over plain http: http://acme.example.com is not https; use https://acme.example.com.');
    expect(await page.locator('[data-testid="portal"]').count()).toBe(0);
  });

  it('adds a portal typed into the form, lists it and empties the form', async () => {
    await page.locator('[data-testid="portal-origin"]').fill(portal.url);
    await page.locator('[data-testid="add-portal"]').click();
    await expect.poll(() => text('add-portal-status')).toBe('Added. Sign in to the portal in a tab; its tenants then appear in the popup.');
    expect(await page.locator('[data-testid="portal"]').allTextContents()).toEqual([expect.stringContaining(new URL(portal.url).host)]);
    expect(await page.locator('[data-testid="portal-origin"]').inputValue()).toBe('');
  });

  it('signs in with a pasted token: a bad one is named, a good one works, neither stays in the form', async () => {
    await page.locator('[data-testid="token-origin"]').fill(portal.url);
    await page.locator('[data-testid="token"]').fill('not-a-token');
    await page.locator('[data-testid="paste-token"]').click();
    const host = new URL(portal.url).host;
    await expect.poll(() => text('paste-token-status')).toBe(`Your session on ${host} has expired or is not valid. Sign in to ${host} in your browser, then try again.`);
    expect(await page.locator('[data-testid="token"]').inputValue()).toBe('');

    await page.locator('[data-testid="token"]').fill(portal.login('admin@duplo.demo'));
    await page.locator('[data-testid="paste-token"]').click();
    await expect.poll(() => text('paste-token-status')).toBe('Signed in. Your tenants appear in the popup.');
    expect(await page.locator('[data-testid="token"]').inputValue()).toBe('');
  });

  it('names a bad region in words, then saves the copy, console and program choices picked in the form', async () => {
    await page.locator('[data-testid="console-region"]').fill('Europe');
    await page.locator('[data-testid="save-settings"]').click();
    await expect.poll(() => text('save-settings-status')).toBe('"Europe" is not a region name like us-east-1. Leave it empty to use the credentials\' region.');

    await page.locator('[data-testid="console-region"]').fill('eu-west-1');
    await page.locator('[data-testid="console-service"]').fill('s3');
    await page.locator('[data-testid="default-format"]').selectOption('fish');
    await page.locator('[data-testid="approval-policy"]').selectOption('ask-every-time');
    await page.locator('[data-testid="save-settings"]').click();
    await expect.poll(() => text('save-settings-status')).toBe('Saved');
    const saved = await askWorker(page, { type: 'settings' });
    expect(saved.ok && saved.value).toMatchObject({ consoleRegion: 'eu-west-1', consoleService: 's3', defaultFormat: 'fish', approvalPolicy: 'ask-every-time' });
  });
});
