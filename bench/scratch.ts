import { randomUUID } from 'node:crypto';
import { startDemoPortal } from '../test/portal/index';
import { startBridgeBrowser } from '../test/support/bridge-browser';
import { askBridge } from '../src/cli/bridge-client';

const portal = await startDemoPortal();
const setup = await startBridgeBrowser(portal, { approvalPolicy: 'never-ask' });
const sock = setup.env.DUPLO_JIT_BRIDGE_SOCKET!;
const req = (op: 'aws-credentials' | 'status') => ({ v: 1 as const, id: randomUUID(), op, portal: portal.url, scope: 'dev01', client: { pid: 1, ppid: 1, command: 'bench' } });
await askBridge(sock, req('aws-credentials'));
const med = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)]!.toFixed(2);
for (const op of ['status', 'aws-credentials', 'status', 'aws-credentials'] as const) {
  const t: number[] = [];
  for (let i = 0; i < 40; i++) { const s = performance.now(); await askBridge(sock, req(op)); t.push(performance.now() - s); }
  console.log(op, med(t));
}
const r = await setup.browser.worker.evaluate(`(async () => {
  const out = {};
  async function time(name, f) { const t = []; for (let i = 0; i < 40; i++) { const s = performance.now(); await f(); t.push(performance.now() - s); } t.sort((a, b) => a - b); out[name] = t[20]; }
  await time('local.get settings', () => chrome.storage.local.get('settings'));
  await time('local.get log', () => chrome.storage.local.get('bridge-log'));
  await time('local.set x', () => chrome.storage.local.set({ x: 1 }));
  await time('session.get', () => chrome.storage.session.get('x'));
  await time('permissions.contains', () => chrome.permissions.contains({ origins: ['http://127.0.0.1/*'] }));
  await time('local.get null', () => chrome.storage.local.get(null));
  await time('noop', () => Promise.resolve());
  return out;
})()`);
console.log(r);
await setup.browser.close(); await portal.stop();
