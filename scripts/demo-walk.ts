import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { BrowserContext, Worker } from 'playwright-core';
import { menuItemId } from '../src/access/menu-entries';
import type { DemoPortal } from '../test/portal/index';
import { clickCopyMenu, openPopup, rowScopes, signInOnPortal } from '../test/support/portal-browser';

/** Shows a key's shape without the key: the first four and last two characters. */
const mask = (text: string) => text.replace(/'([^']{8,})'/g, (_, value: string) => `'${value.slice(0, 4)}…${value.slice(-2)}'`);

/**
 * The product's main job, without a person: sign in on the portal, list the tenants, open a
 * console, copy keys. Prints each step; secrets are masked.
 */
export async function demoWalk(context: BrowserContext, worker: Worker, portal: DemoPortal): Promise<void> {
  const step = (text: string) => console.log(`  ✓ ${text}`);
  await signInOnPortal(context, portal, 'admin');
  step(`signed in to ${portal.url} as the admin, in the portal's own page`);

  const popup = await openPopup(context);
  const rows = await popup.locator('[data-testid="row"]').allTextContents();
  step(`the popup lists ${(await rowScopes(popup)).length} rows: ${rows.slice(0, 4).map((row) => row.split(/\s{2,}|Console/)[0]).join(', ')}, …`);
  await mkdir('test-results', { recursive: true });
  const shot = resolve('test-results/popup-demo.png');
  await popup.screenshot({ path: shot });
  step(`saved a screenshot of the popup: ${shot}`);

  await popup.locator('[data-testid="filter"]').fill('staging');
  const [tab] = await Promise.all([context.waitForEvent('page'), popup.keyboard.press('Enter')]);
  await tab.waitForURL(/\/federation\?/);
  const landed = tab.locator('main#console');
  step(`opened the console: tenant ${await landed.getAttribute('data-tenant')}, region ${await landed.getAttribute('data-region')}`);

  const staging = portal.tenants.find((tenant) => tenant.name === 'staging')!;
  await clickCopyMenu(worker, menuItemId({ origin: portal.url, scope: staging.id, format: 'bash' }));
  await context.grantPermissions(['clipboard-read'], { origin: portal.url });
  const text = await tab.evaluate(() => navigator.clipboard.readText());
  step(`copied staging's keys for bash (masked here):\n${mask(text).replace(/^/gm, '      ')}`);
}
