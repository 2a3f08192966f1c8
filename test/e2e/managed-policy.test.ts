// An organisation's policy in Debian's Chromium: a machine-wide file under
// /etc/chromium/policies/managed (so root, as CI runs), for a copy of the extension under an ID
// only this file uses, so the browsers other test files start meanwhile see no policy
// (test/support/managed-policy.ts); "only these portals" can be set here for that reason. What
// it turns off (observing other hosts) is tested in src/worker/managed-settings.test.ts.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ManagedSettings } from '../../src/settings/managed-schema';
import { startDemoPortal, type DemoPortal } from '../portal/index';
import { answerNextApproval } from '../support/approval-window';
import { waitFor } from '../support/bridge-browser';
import { launchWithExtension, type LoadedExtension } from '../support/chromium';
import { extensionCopyForPolicy, policyDirProblem, type PolicyCopy } from '../support/managed-policy';
import { askWorker, signInOnPortal } from '../support/portal-browser';
import { runCli } from '../support/run-cli';

const problem = policyDirProblem();
if (problem) console.warn(`test/e2e/managed-policy.test.ts skipped: ${problem}`);

let portal: DemoPortal;
let copy: PolicyCopy;
let browser: LoadedExtension;
let dir: string;
let env: Record<string, string>;
let policy: ManagedSettings;

describe.skipIf(problem !== undefined)('an organisation’s Chromium policy', () => {
  beforeAll(async () => {
    portal = await startDemoPortal();
    copy = await extensionCopyForPolicy();
    // The demo portal's port is this file's own: no other test's portal is named here.
    policy = {
      portals: [{ origin: portal.url }],
      onlyListedPortals: true,
      approvalPolicy: 'ask-every-time',
      approvalTimeoutSeconds: 40,
      tokenSharingAllowed: false,
      multiSession: true,
      consoleBannerAllowed: false,
    };
    await copy.writePolicy(policy);
    dir = await mkdtemp(join(tmpdir(), 'duplo-jit-managed-e2e-'));
    env = { DUPLO_JIT_BRIDGE_SOCKET: join(dir, 'bridge.sock'), XDG_CACHE_HOME: join(dir, 'cache') };
    browser = await launchWithExtension({
      extensionDir: copy.dir,
      env,
      prepareProfile: async (profileDir) => {
        const installed = await runCli(['install', '--profile-dir', profileDir], env);
        if (installed.code !== 0) throw new Error(`install failed: ${installed.stderr}`);
        await copy.admitToHost(profileDir);
      },
    });
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    // The policy file goes first of all: it would reach every later Chromium on the machine.
    await copy?.remove();
    await portal?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('reaches the extension, under the copy’s own ID, through storage.managed', async () => {
    expect(browser.extensionId).toBe(copy.id);
    // Chromium may load the extension before its policy; the policy then arrives as a change.
    await expect.poll(() => browser.worker.evaluate(() => chrome.storage.managed.get(null)), { timeout: 30_000, interval: 100 }).toEqual(policy);
  });

  it('lists the portal in options as set by the organisation; the approval setting, the session switch and adding a portal are locked', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${browser.extensionUrl}extension/options/index.html`);
    const item = page.locator(`[data-testid=portal][data-origin="${portal.url}"]`);
    await item.locator('[data-testid=set-by-organisation]').first().waitFor({ timeout: 30_000 });
    expect(await item.getAttribute('data-managed')).toBe('true');
    expect(await item.locator('[data-testid=portal-remove]').count()).toBe(0);

    const approval = page.locator('[data-testid=approval-policy]:disabled');
    await approval.waitFor({ timeout: 30_000 });
    expect(await approval.inputValue()).toBe('ask-every-time');
    expect(await page.locator('label.field', { has: approval }).locator('[data-testid=set-by-organisation]').textContent()).toBe('Set by your organisation');
    expect(await page.locator('[data-testid=approval-timeout-seconds]').isDisabled()).toBe(true);
    expect(await item.locator('[data-testid=portal-share-token]').isDisabled()).toBe(true);
    expect(await page.locator('[data-testid=only-listed-portals]').isVisible()).toBe(true);
    expect(await page.locator('[data-testid=portal-origin]').count()).toBe(0);

    // Not the page alone: the worker refuses the change too, in words.
    const refused = await askWorker(page, { type: 'save-settings', settings: { approvalPolicy: 'never-ask' } });
    expect(refused).toEqual({ ok: false, error: { code: 'SET_BY_ORGANISATION', message: expect.stringContaining('set by your organisation') } });
    await page.close();
  });

  it('shows AWS multi-session locked on and the console banner locked off; the worker refuses turning multi-session off', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${browser.extensionUrl}extension/options/index.html`);
    const multiSession = page.locator('[data-testid=multi-session]:disabled');
    await multiSession.waitFor({ timeout: 30_000 });
    expect(await multiSession.isChecked()).toBe(true);
    const banner = page.locator('[data-testid=console-banner]');
    expect({ disabled: await banner.isDisabled(), checked: await banner.isChecked() }).toEqual({ disabled: true, checked: false });
    for (const locked of [multiSession, banner]) {
      expect(await page.locator('label.check', { has: locked }).locator('[data-testid=set-by-organisation]').textContent()).toBe('Set by your organisation');
    }
    // Not set by the policy: still the user's.
    expect(await page.locator('[data-testid=logout-first]').isDisabled()).toBe(false);

    const refused = await askWorker(page, { type: 'save-settings', settings: { multiSession: false } });
    expect(refused).toEqual({ ok: false, error: { code: 'SET_BY_ORGANISATION', message: expect.stringContaining('set by your organisation') } });
    // A change the policy leaves alone is saved; the organisation's values are not, so the
    // user's own stay underneath for when the policy goes.
    expect(await askWorker(page, { type: 'save-settings', settings: { logoutFirst: false } })).toMatchObject({ ok: true, value: { logoutFirst: false, multiSession: true } });
    const stored = await browser.worker.evaluate(() => chrome.storage.local.get('settings'));
    expect(stored.settings).toMatchObject({ logoutFirst: false, multiSession: false, consoleBanner: false });
    await page.close();
  });

  it('asks every time: two runs of the CLI, two prompts', async () => {
    const signedIn = await signInOnPortal(browser.context, portal, 'admin');
    await waitFor(() => existsSync(env.DUPLO_JIT_BRIDGE_SOCKET!), 'the native host never opened its socket', 30_000);
    for (const run of [1, 2]) {
      // The prompt is awaited before the program starts, so it cannot open unseen.
      const answered = answerNextApproval(browser.context, '#allow');
      const [title, result] = await Promise.all([answered, runCli(['aws', '--host', portal.url, '--tenant', 'dev01'], env)]);
      expect({ run, title, code: result.code, stderr: result.stderr }).toMatchObject({ run, title: expect.stringMatching(/\S/), code: 0, stderr: '' });
      expect(JSON.parse(result.stdout)).toMatchObject({ Version: 1, AccessKeyId: expect.any(String) });
    }
    await signedIn.close();
  });

  it('takes a changed policy while the browser runs', async () => {
    await copy.writePolicy({ ...policy, approvalTimeoutSeconds: 41 });
    const page = await browser.context.newPage();
    await page.goto(`${browser.extensionUrl}extension/options/index.html`);
    // Chromium notices the file change by itself, after a settling delay of its own.
    const timeout = async () => {
      const reply = await askWorker(page, { type: 'settings' });
      return reply.ok ? reply.value.approvalTimeoutSeconds : reply.error.message;
    };
    await expect.poll(timeout, { timeout: 60_000, interval: 250 }).toBe(41);
    await page.close();
  }, 90_000);
});
