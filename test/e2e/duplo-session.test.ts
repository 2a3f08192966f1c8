import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoPortal, type DemoPortal } from '../portal/index';
import { startBridgeBrowser, type BridgeSetup } from '../support/bridge-browser';
import { askWorker, optionsUrl } from '../support/portal-browser';
import { runCli } from '../support/run-cli';

/**
 * `duplo` (issue 14, item 6): the portal session for duploctl and the Terraform provider, as
 * duplo-jit prints it. Through the browser it is off until the user turns it on for the
 * portal, and then each request has a prompt of its own that says what it gives.
 */
let portal: DemoPortal;
let setup: BridgeSetup;

beforeAll(async () => {
  portal = await startDemoPortal();
  // "never ask" for everything else: the session is asked for regardless.
  setup = await startBridgeBrowser(portal, { approvalPolicy: 'never-ask', approvalTimeoutSeconds: 30 });
}, 60_000);
afterAll(async () => {
  await setup?.browser.close();
  await portal?.stop();
});

const host = () => new URL(portal.url).host;
const duplo = () => runCli(['duplo', '--host', portal.url], setup.env);

/** Runs `duplo` and answers its one prompt with `button`, returning the run and what the prompt said. */
async function answered(button: '#allow' | '#deny') {
  const opened = setup.browser.context.waitForEvent('page', { predicate: (page) => page.url().includes('/extension/approve/'), timeout: 30_000 });
  const run = duplo();
  const page: Page = await opened;
  await page.locator('#scope').filter({ hasText: /\S/ }).waitFor();
  const said = { title: await page.locator('h1').textContent(), question: await page.locator('#question').textContent(), warning: await page.locator('#warning').textContent(), access: await page.locator('#scope').textContent() };
  await page.locator(`${button}:enabled`).waitFor();
  await page.click(button).catch((error: unknown) => {
    if (!page.isClosed()) throw error;
  });
  return { run: await run, said };
}

describe('duplo through the browser', () => {
  it('is refused while sharing is off for the portal, saying how to turn it on', async () => {
    expect(await duplo()).toMatchObject({
      code: 1,
      stdout: '',
      stderr: `duplo-jit-bridge: The browser does not give your ${host()} session to programs. To allow it, open the extension's options, and under Portals turn on "Programs may ask for my session" for ${host()}; each request is then asked in its own prompt.\n`,
    });
  });

  it('once turned on, asks in its own words; Allow prints the session, Deny refuses', async () => {
    const options = await setup.browser.context.newPage();
    await options.goto(optionsUrl);
    await options.locator(`[data-testid="portal"][data-origin="${portal.url}"] [data-testid="portal-share-token"]`).click();
    await expect.poll(() => options.getByTestId('portals-status').textContent()).toBe(`Programs may ask for your ${host()} session; each request is asked.`);

    const allowed = await answered('#allow');
    expect(allowed.said).toEqual({
      title: 'Give your DuploCloud session to a program?',
      question: 'A program on this computer asks for your DuploCloud session itself, not for AWS credentials.',
      warning: `It can do anything you can do on ${host()}, until the session ends.`,
      access: 'Your whole portal session',
    });
    // The first secret the portal issued: the session of the admin who signed in on its page.
    const signedIn = portal.issuedSecrets()[0]!;
    expect(allowed.run).toMatchObject({ code: 0, stdout: `{"Version":1,"DuploToken":"${signedIn}","NeedOTP":false}\n`, stderr: '' });

    const denied = await answered('#deny');
    expect(denied.run).toMatchObject({ code: 1, stdout: '', stderr: `duplo-jit-bridge: You denied the request for your portal session on ${host()} in the browser.\n` });

    const log = await askWorker(options, { type: 'bridge-log' });
    expect(JSON.stringify(log)).not.toContain(signedIn);
    expect(log.ok && log.value.filter((entry) => entry.op === 'portal-token').map((entry) => [entry.scope, entry.outcome])).toEqual([
      ['', 'DENIED'],
      ['', 'ok'],
      ['', 'TOKEN_SHARING_OFF'],
    ]);
    await options.close();
  }, 90_000);
});

describe('duplo with a token, without a browser', () => {
  it('prints the token once the portal took it, and says NeedOTP as the portal does', async () => {
    const token = portal.login('dev@duplo.demo');
    const env = { DUPLO_TOKEN: token, DUPLO_JIT_BRIDGE_SOCKET: join(setup.dir, 'no-bridge.sock'), XDG_CACHE_HOME: setup.env.XDG_CACHE_HOME! };
    expect(await runCli(['duplo', '--host', portal.url], env)).toMatchObject({ code: 0, stdout: `{"Version":1,"DuploToken":"${token}","NeedOTP":false}\n`, stderr: '' });
    expect(await runCli(['duplo', '--host', portal.url], { ...env, DUPLO_TOKEN: 'not-a-token' })).toMatchObject({ code: 1, stdout: '' });
  });
});
