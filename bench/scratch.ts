import { randomUUID } from 'node:crypto';
import { startDemoPortal } from '../test/portal/index';
import { startBridgeBrowser } from '../test/support/bridge-browser';
import { runCli, runProcess } from '../test/support/run-cli';
import { askBridge } from '../src/cli/bridge-client';

const portal = await startDemoPortal();
const setup = await startBridgeBrowser(portal, { approvalPolicy: 'never-ask' });
const sock = setup.env.DUPLO_JIT_BRIDGE_SOCKET!;
const req = () => ({ v: 1 as const, id: randomUUID(), op: 'aws-credentials' as const, portal: portal.url, scope: 'dev01', client: { pid: 1, ppid: 1, command: 'bench' } });
console.log(await askBridge(sock, req()));
for (let i = 0; i < 5; i++) {
  const a = await runProcess(process.execPath, ['-e', '0']);
  const b = await runCli(['aws', '--host', portal.url, '--tenant', 'dev01'], setup.env);
  console.log('node', a.ms.toFixed(1), 'cli', b.ms.toFixed(1), b.code);
}
const t: number[] = [];
for (let i = 0; i < 50; i++) { const s = performance.now(); await askBridge(sock, req()); t.push(performance.now() - s); }
console.log('relay', t.map((x) => x.toFixed(1)).join(' '));
// stop worker
const cdp = await setup.browser.context.browser()?.newBrowserCDPSession();
console.log('browser()', !!setup.browser.context.browser());
const page = await setup.browser.context.newPage();
const pcdp = await setup.browser.context.newCDPSession(page);
await pcdp.send('ServiceWorker.enable');
await pcdp.send('ServiceWorker.stopAllWorkers');
console.log('stopped', !!cdp);
await new Promise((r) => setTimeout(r, 500));
for (let i = 0; i < 3; i++) {
  const s = performance.now();
  try { const r = await askBridge(sock, req(), 5000); console.log('after stop', r.ok, performance.now() - s); } catch (e) { console.log('err', String(e), performance.now() - s); }
  await new Promise((r) => setTimeout(r, 1500));
}
await setup.browser.close(); await portal.stop();
