import { resolve } from 'node:path';
import { extensionId } from '../src/bridge/extension-id';
import { demoPortalBanner } from '../test/portal/banner';
import { startDemoPortal, type DemoPortal } from '../test/portal/index';

const preferredPort = 8480;

/** The demo portal on its usual port, or on any free one rather than failing. */
async function startPortal(): Promise<DemoPortal> {
  try {
    return await startDemoPortal({ port: preferredPort });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    console.log(`Port ${preferredPort} is taken; using a free one.`);
    return startDemoPortal();
  }
}

const portal = await startPortal();
console.log(demoPortalBanner(portal));
console.log(`
The extension is built in ${resolve('dist/extension')} (ID ${extensionId}).
Load it in Chrome or Chromium: chrome://extensions → Developer mode → Load unpacked → pick that folder.
The CLI is built in ${resolve('dist/node/duplo-jit-bridge.mjs')}.
Press Ctrl+C to stop.`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void portal.stop().then(() => process.exit(0));
  });
}
