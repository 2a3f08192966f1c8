import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extensionId } from '../../src/bridge/extension-id';
import { launchWithExtension, type LoadedExtension } from '../support/chromium';

let browser: LoadedExtension;

beforeAll(async () => {
  browser = await launchWithExtension();
});
afterAll(() => browser?.close());

describe('the built extension in Chromium', () => {
  it('starts its service worker under the fixed extension ID', async () => {
    expect(browser.extensionId).toBe(extensionId);
    expect(browser.worker.url()).toBe(`chrome-extension://${extensionId}/service-worker-loader.js`);
    expect(await browser.worker.evaluate(() => chrome.runtime.getManifest().name)).toBe('DuploCloud JIT');
  });

  it('renders its popup page', async () => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${extensionId}/extension/popup/index.html`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('DuploCloud JIT');
    await page.close();
  });

  it('holds no access to AWS console pages while the console banner is off, as it is by default', async () => {
    const held = await browser.worker.evaluate(async () => ({
      banner: ((await chrome.storage.local.get('settings')).settings as { consoleBanner?: boolean } | undefined)?.consoleBanner ?? false,
      consoles: await chrome.permissions.contains({ origins: ['https://*.console.aws.amazon.com/*'] }),
      one: await chrome.permissions.contains({ origins: ['https://us-east-1.console.aws.amazon.com/*'] }),
    }));
    expect(held).toEqual({ banner: false, consoles: false, one: false });
  });
});
