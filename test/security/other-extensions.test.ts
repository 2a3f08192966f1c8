import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nativeHostName } from '../../src/bridge/native-host-name';
import { startDemoPortal, type DemoPortal } from '../portal/index';
import { startBridgeBrowser, type BridgeSetup } from '../support/bridge-browser';
import { runCli } from '../support/run-cli';

/**
 * Another extension in the same browser, with every permission that could help it, tries
 * each way in: messages and ports to our extension, and our native host.
 */
const planted = 'HOSTILE-EXTENSION-TOKEN-4242';

/** Runs in the hostile extension's worker: each attempt's outcome, as the attacker sees it. */
const attackSource = `
const outcome = (promise) => promise.then((value) => 'answered: ' + JSON.stringify(value ?? null), (error) => 'refused: ' + error.message);
const portOutcome = (open) => new Promise((resolve) => {
  const port = open();
  port.onMessage.addListener((message) => resolve('answered: ' + JSON.stringify(message)));
  port.onDisconnect.addListener(() => resolve('refused: ' + (chrome.runtime.lastError?.message ?? 'disconnected')));
  try { port.postMessage({ v: 1, id: 'x', op: 'status', portal: 'https://acme.duplocloud.net', client: { pid: 1, ppid: 1, command: 'hostile' } }); } catch (error) { resolve('refused: ' + error.message); }
});
globalThis.attack = async (target, host, token) => ({
  state: await outcome(chrome.runtime.sendMessage(target, { type: 'state' })),
  handoff: await outcome(chrome.runtime.sendMessage(target, { type: 'handoff', token })),
  connect: await portOutcome(() => chrome.runtime.connect(target)),
  connectNative: await portOutcome(() => chrome.runtime.connectNative(host)),
  sendNativeMessage: await outcome(chrome.runtime.sendNativeMessage(host, { v: 1, id: 'y', op: 'status', portal: 'x', client: { pid: 1, ppid: 1, command: 'hostile' } })),
});
`;

const hostileManifest = {
  manifest_version: 3,
  name: 'hostile',
  version: '1.0',
  background: { service_worker: 'sw.js' },
  permissions: ['nativeMessaging', 'storage', 'tabs', 'webRequest'],
  host_permissions: ['<all_urls>'],
};

let hostileDir: string;
let portal: DemoPortal;
let setup: BridgeSetup;
let hostile: Worker;

beforeAll(async () => {
  hostileDir = await mkdtemp(join(tmpdir(), 'duplo-jit-hostile-'));
  await writeFile(join(hostileDir, 'manifest.json'), JSON.stringify(hostileManifest));
  await writeFile(join(hostileDir, 'sw.js'), attackSource);
  portal = await startDemoPortal();
  setup = await startBridgeBrowser(portal, { approvalPolicy: 'never-ask' }, { otherExtensions: [hostileDir] });
  const isHostile = (worker: Worker) => worker.url().endsWith('/sw.js');
  const { context } = setup.browser;
  hostile = context.serviceWorkers().find(isHostile) ?? (await context.waitForEvent('serviceworker', { predicate: isHostile }));
}, 60_000);
afterAll(async () => {
  await setup?.browser.close();
  await portal?.stop();
  await rm(hostileDir, { recursive: true, force: true });
});

describe('another extension in the same browser', () => {
  it('is refused on every channel: messages, ports, and the native host', async () => {
    const outcomes = await hostile.evaluate(
      ([target, host, token]) => (globalThis as unknown as { attack(target: string, host: string, token: string): Promise<Record<string, string>> }).attack(target, host, token),
      [setup.browser.extensionId, nativeHostName, planted] as const,
    );
    // No onMessageExternal/onConnectExternal listener: the browser finds no receiver at all.
    // The host manifest's allowed_origins names only our ID, so the browser will not start it for anyone else.
    expect(outcomes).toEqual({
      state: 'refused: Could not establish connection. Receiving end does not exist.',
      handoff: 'refused: Could not establish connection. Receiving end does not exist.',
      connect: 'refused: Could not establish connection. Receiving end does not exist.',
      connectNative: 'refused: Access to the specified native messaging host is forbidden.',
      sendNativeMessage: 'refused: Access to the specified native messaging host is forbidden.',
    });
  });

  it('planted nothing, and the bridge still answers', async () => {
    const dump = await setup.browser.worker.evaluate(async () => JSON.stringify([await chrome.storage.session.get(null), await chrome.storage.local.get(null)]));
    expect(dump).not.toContain(planted);
    const run = await runCli(['aws', '--host', portal.url, '--tenant', 'dev01'], setup.env);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const issued = portal.issuedCredentials().at(-1)!;
    expect(JSON.parse(run.stdout)).toMatchObject({ Version: 1, AccessKeyId: issued.AccessKeyId });
  });
});
