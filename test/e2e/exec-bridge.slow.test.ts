import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoPortal, type DemoPortal } from '../portal/index';
import { answerNextApproval } from '../support/approval-window';
import { startBridgeBrowser, type BridgeSetup } from '../support/bridge-browser';
import { endpointPoll, pollEndpoint } from '../support/endpoint-poll';
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

describe('exec through the browser bridge', () => {
  it('keeps a 5-minute run in unexpired 90-second keys, renewing once per period, with one approval', { timeout: 420_000 }, async () => {
    let title: string | null = null;
    const result = await pollEndpoint(portal, 'dev01', async () => {
      const [answered, run] = await Promise.all([
        answerNextApproval(setup.browser.context, '#allow'),
        runCli(['exec', '--host', portal.url, '--tenant', 'dev01', '--', process.execPath, '-e', endpointPoll(300_000, 10_000)], setup.env),
      ]);
      title = answered;
      expect(run.stderr).toBe('');
      return run;
    });
    expect(title).toBe('Allow AWS credentials?');
    expect(result.answers).toBeGreaterThanOrEqual(25);
    expect(result.nearlyExpired).toBe(0);
    expect(result.distinctKeys).toBe(result.portalCalls);
    // One call to start, then one per 60 s renewal period (a third of the life early): 5 to 7, never one per request.
    expect(result.portalCalls).toBeGreaterThanOrEqual(5);
    expect(result.portalCalls).toBeLessThanOrEqual(7);
    expect(prompts).toHaveLength(1);
  });
});
