import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoPortal, type DemoPortal } from '../portal/index';
import { startBridgeBrowser, type BridgeSetup } from '../support/bridge-browser';
import { askWorker } from '../support/portal-browser';
import { useRecordingServer } from '../support/recording-server';
import { runCli } from '../support/run-cli';

let portal: DemoPortal;
let other: DemoPortal;
let setup: BridgeSetup;

beforeAll(async () => {
  [portal, other] = await Promise.all([startDemoPortal(), startDemoPortal()]);
  setup = await startBridgeBrowser(portal, { approvalPolicy: 'ask-every-time', approvalTimeoutSeconds: 5 });
}, 60_000);
afterAll(async () => {
  await setup?.browser.close();
  await Promise.all([portal?.stop(), other?.stop()]);
});

const aws = (host: string, ...scope: string[]) => runCli(['aws', '--host', host, ...scope], setup.env);
const hostOf = (url: string) => new URL(url).host;

async function settings(values: Record<string, unknown>): Promise<void> {
  const page = await setup.browser.context.newPage();
  await page.goto(`${setup.browser.extensionUrl}extension/options/index.html`);
  expect((await askWorker(page, { type: 'save-settings', settings: values })).ok).toBe(true);
  await page.close();
}

describe('each failure of the bridge has its own message and a non-zero exit', () => {
  it('no browser: exits within 2 s, naming the fix', async () => {
    const run = await runCli(['aws', '--host', portal.url, '--tenant', 'dev01'], { ...setup.env, DUPLO_JIT_BRIDGE_SOCKET: join(setup.dir, 'nothing-here.sock') });
    expect(run).toMatchObject({ code: 1, stdout: '' });
    expect(run.stderr).toBe(
      `duplo-jit-bridge: The browser with the DuploCloud JIT extension is not running (nothing answers at ${join(setup.dir, 'nothing-here.sock')}). Start it, sign in to your portal, then retry; "duplo-jit-bridge doctor" checks the set-up.\n`,
    );
    expect(run.ms).toBeLessThan(2_000);
  });

  it('denied in the approval window', { timeout: 30_000 }, async () => {
    const [prompt, run] = await Promise.all([
      setup.browser.context.waitForEvent('page', (page) => page.url().includes('/extension/approve/')).then(async (page) => {
        await page.locator('#programs li').first().waitFor();
        const shown = { program: await page.locator('#programs li strong').textContent(), scope: await page.locator('#scope').textContent() };
        // The window closes itself on the click, at times before Playwright's click has returned.
        await page.click('#deny').catch((error: unknown) => {
          if (!page.isClosed()) throw error;
        });
        return shown;
      }),
      aws(portal.url, '--tenant', 'dev01'),
    ]);
    expect(prompt.scope).toBe('dev01');
    expect(run).toMatchObject({ code: 1, stdout: '' });
    expect(run.stderr).toBe(`duplo-jit-bridge: You denied the request for dev01 on ${hostOf(portal.url)} in the browser.\n`);
  });

  it('approval not answered in time', { timeout: 30_000 }, async () => {
    const run = await aws(portal.url, '--tenant', 'qa');
    expect(run).toMatchObject({ code: 1, stdout: '' });
    expect(run.stderr).toBe(
      `duplo-jit-bridge: Nobody answered the browser's approval prompt for the request for qa on ${hostOf(portal.url)} in time. Retry and choose Allow, or change the approval setting in the extension's options.\n`,
    );
    expect(run.ms).toBeGreaterThan(4_500);
  });

  it('an unknown tenant', async () => {
    await settings({ approvalPolicy: 'never-ask' });
    const run = await aws(portal.url, '--tenant', 'no-such-tenant');
    expect(run).toMatchObject({ code: 1, stdout: '' });
    expect(run.stderr).toBe(
      `duplo-jit-bridge: Tenant "no-such-tenant" is missing or not allowed for you on ${hostOf(portal.url)}. The popup lists the tenants you can use.\n`,
    );
  });

  it('a portal added but not signed in', async () => {
    const page = await setup.browser.context.newPage();
    await page.goto(`${setup.browser.extensionUrl}extension/options/index.html`);
    expect((await askWorker(page, { type: 'add-portal', origin: other.url })).ok).toBe(true);
    await page.close();
    const run = await aws(other.url, '--admin');
    expect(run).toMatchObject({ code: 1, stdout: '' });
    expect(run.stderr).toBe(
      `duplo-jit-bridge: Not signed in to ${hostOf(other.url)}. Open ${hostOf(other.url)} in a tab and sign in, or use Sign in in the extension's popup.\n`,
    );
    expect(other.counters()).toEqual({});
  });

  describe('a portal the user never added', () => {
    const thief = useRecordingServer();

    it('is refused, and no request, let alone a token, reaches it', async () => {
      const thiefUrl = thief.url;
      const before = portal.counters();
      const run = await aws(thiefUrl, '--tenant', 'dev01');
      expect(run).toMatchObject({ code: 1, stdout: '' });
      expect(run.stderr).toBe(`duplo-jit-bridge: ${thiefUrl} is not a portal you added. Add it in the extension's options first.\n`);
      expect(thief.seen).toHaveLength(0);
      expect(portal.counters()).toEqual(before);
    });
  });
});
