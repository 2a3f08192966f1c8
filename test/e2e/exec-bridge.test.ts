import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoPortal, type DemoPortal } from '../portal/index';
import { answerNextApproval } from '../support/approval-window';
import { startBridgeBrowser, type BridgeSetup } from '../support/bridge-browser';
import { runCli } from '../support/run-cli';

let portal: DemoPortal;
let setup: BridgeSetup;
const prompts: Page[] = [];

beforeAll(async () => {
  portal = await startDemoPortal({ jitValidityByScope: { dev01: 90 } });
  setup = await startBridgeBrowser(portal, { approvalPolicy: 'ask-once' });
  setup.browser.context.on('page', (page) => {
    if (page.url().includes('/extension/approve/')) prompts.push(page);
  });
}, 60_000);
afterAll(async () => {
  await setup?.browser.close();
  await portal?.stop();
});

// The child asks as an SDK would, every 10 s, and records what it got and how long the keys had left.
const poll = `
  const url = process.env.AWS_CONTAINER_CREDENTIALS_FULL_URI, authorization = process.env.AWS_CONTAINER_AUTHORIZATION_TOKEN;
  const seen = [], started = Date.now();
  (async () => {
    while (Date.now() - started < 300000) {
      const keys = await (await fetch(url, { headers: { authorization } })).json();
      seen.push({ key: keys.AccessKeyId, left: Date.parse(keys.Expiration) - Date.now() });
      await new Promise((r) => setTimeout(r, 10000));
    }
    console.log(JSON.stringify(seen));
  })();`;

describe('exec through the browser bridge', () => {
  it('keeps a 5-minute run in unexpired 90-second keys, renewing once per period, with one approval', { timeout: 420_000 }, async () => {
    const dev01 = () => portal.issuedCredentials().filter((each) => each.scope === portal.tenants.find((tenant) => tenant.name === 'dev01')!.id);
    const before = dev01().length;
    const [title, run] = await Promise.all([
      answerNextApproval(setup.browser.context, '#allow'),
      runCli(['exec', '--host', portal.url, '--tenant', 'dev01', '--', process.execPath, '-e', poll], setup.env),
    ]);
    expect(title).toBe('Allow AWS credentials?');
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const seen = JSON.parse(run.stdout) as { key: string; left: number }[];
    const calls = dev01().length - before;
    expect(seen.length).toBeGreaterThanOrEqual(25);
    // Expiration has whole seconds, rounded down: "unexpired" is at least a second left here.
    expect(seen.filter((each) => each.left < 1000)).toEqual([]);
    expect(new Set(seen.map((each) => each.key)).size).toBe(calls);
    // One call to start, then one per 60 s renewal period (a third of the life early): 5 to 7, never one per request.
    expect(calls).toBeGreaterThanOrEqual(5);
    expect(calls).toBeLessThanOrEqual(7);
    expect(prompts).toHaveLength(1);
  });
});
