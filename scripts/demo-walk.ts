import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { BrowserContext, Worker } from 'playwright-core';
import { menuItemId } from '../src/worker/menu-entries';
import type { DemoPortal } from '../test/portal/index';
import { answerNextApproval } from '../test/support/approval-window';
import { clickCopyMenu, openPopup, popupAction, rowScopes, signInOnPortal } from '../test/support/portal-browser';
import { runCli } from '../test/support/run-cli';

/** Shows a key's shape without the key: the first four and last two characters. */
const mask = (text: string) => text.replace(/'([^'\n]{16,})'/g, (_, value: string) => `'${value.slice(0, 4)}…${value.slice(-2)}'`);

/**
 * The product's main job, without a person: sign in on the portal, list the tenants, open a
 * console, copy keys. Prints each step; secrets are masked.
 */
export async function demoWalk(context: BrowserContext, worker: Worker, portal: DemoPortal): Promise<void> {
  const step = (text: string) => console.log(`  ✓ ${text}`);
  await signInOnPortal(context, portal, 'admin');
  step(`signed in to ${portal.url} as the admin, in the portal's own page`);

  const popup = await openPopup(context);
  const scopes = await rowScopes(popup);
  const names = scopes.slice(0, 4).map((scope) => portal.tenants.find((tenant) => tenant.id === scope)?.name ?? scope);
  step(`the popup lists ${scopes.length} rows: ${names.join(', ')}, …`);
  await mkdir('test-results', { recursive: true });
  const shot = resolve('test-results/popup-demo.png');
  await popup.screenshot({ path: shot });
  step(`saved a screenshot of the popup: ${shot}`);

  await popup.locator('[data-testid="filter"]').fill('staging');
  const [tab] = await Promise.all([context.waitForEvent('page'), popupAction(popup.keyboard.press('Enter'))]);
  await tab.waitForURL(/\/federation\?/);
  const landed = tab.locator('main#console');
  step(`opened the console: tenant ${await landed.getAttribute('data-tenant')}, region ${await landed.getAttribute('data-region')}`);

  const staging = portal.tenants.find((tenant) => tenant.name === 'staging')!;
  await clickCopyMenu(worker, menuItemId({ origin: portal.url, scope: staging.id, format: 'bash' }));
  await context.grantPermissions(['clipboard-read'], { origin: portal.url });
  const text = await tab.evaluate(() => navigator.clipboard.readText());
  step(`copied staging's keys for bash (masked here):\n${mask(text).trimEnd().replace(/^/gm, '      ')}`);
}

/** One `aws` credential_process call through the native host, as the AWS CLI would make it. */
export async function bridgeCall(context: BrowserContext, portal: DemoPortal, env: Readonly<Record<string, string>>): Promise<void> {
  // The first request of a program asks the user (the default policy); the walk answers Allow.
  // Allow is armed once the prompt has shown its list of programs for a second; answering closes the window.
  const allow = answerNextApproval(context, '#allow').then(() => console.log('  ✓ allowed the request in the extension\'s approval prompt'));
  const run = await runCli(['aws', '--host', portal.url, '--tenant', 'dev01'], env);
  await allow;
  if (run.code !== 0) throw new Error(`duplo-jit-bridge aws failed: ${run.stderr}`);
  const masked = run.stdout.replace(/"(AccessKeyId|SecretAccessKey|SessionToken|ConsoleUrl)": "([^"]{6})[^"]*"/g, '"$1": "$2…"');
  console.log(`  ✓ duplo-jit-bridge aws --host ${portal.url} --tenant dev01, answered by the browser in ${Math.round(run.ms)} ms (masked):`);
  console.log(masked.trimEnd().replace(/^/gm, '      '));
}
