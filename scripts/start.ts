import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { extensionId } from '../src/bridge/extension-id';
import { demoPortalBanner } from '../test/portal/banner';
import { handoffModeUsage, readHandoffMode } from '../test/portal/handoff-mode-flag';
import { startDemoPortal, type DemoPortal, type HandoffMode } from '../test/portal/index';
import { launchWithExtension } from '../test/support/chromium';
import { askWorker } from '../test/support/portal-browser';
import { cliBundle, runCli } from '../test/support/run-cli';
import { bridgeCall, demoWalk } from './demo-walk';
import { findBrowser } from './find-browser';

const preferredPort = 8480;
const usage = `usage: npm start -- [--headless] ${handoffModeUsage}`;

function readFlags(): { headless: boolean; handoffMode: HandoffMode } {
  try {
    const { values } = parseArgs({ options: { headless: { type: 'boolean' }, 'handoff-mode': { type: 'string' } } });
    return { headless: values.headless ?? false, handoffMode: readHandoffMode(values['handoff-mode']) };
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
    process.exit(2);
  }
}

const flags = readFlags();

/** The demo portal on its usual port, or on any free one rather than failing. */
async function startPortal(): Promise<DemoPortal> {
  try {
    return await startDemoPortal({ port: preferredPort, handoffMode: flags.handoffMode });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    console.log(`Port ${preferredPort} is taken; using a free one.`);
    return startDemoPortal({ handoffMode: flags.handoffMode });
  }
}

const portal = await startPortal();
const stop = async (code: number) => {
  await portal.stop();
  process.exit(code);
};
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stop(0));
console.log(demoPortalBanner(portal));

const executablePath = findBrowser();
const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY ?? process.env.WAYLAND_DISPLAY);
const headless = flags.headless || !hasDisplay;

if (!executablePath) {
  console.log(`
No Chromium-family browser found (set CHROME_PATH to one). To try by hand, load
${resolve('dist/extension')} in chrome://extensions (Developer mode → Load unpacked),
add ${portal.url} in the extension's options, then sign in. Ctrl+C stops the portal.`);
} else {
  // A socket of its own, so this throwaway browser never answers for (or clashes with) a real one.
  const dir = await mkdtemp(join(tmpdir(), 'duplo-jit-start-'));
  const env = { DUPLO_JIT_BRIDGE_SOCKET: join(dir, 'bridge.sock') };
  const browser = await launchWithExtension({
    executablePath,
    headless,
    env,
    prepareProfile: async (profileDir) => {
      const installed = await runCli(['install', '--profile-dir', profileDir], env);
      if (installed.code !== 0) throw new Error(installed.stderr);
      console.log(`\nThe native host is installed into the browser's throwaway profile:\n${installed.stdout.replace(/^/gm, '  ').trimEnd()}`);
    },
  });
  if (browser.extensionId !== extensionId) console.warn(`warning: the extension loaded as ${browser.extensionId}, not ${extensionId}`);
  const setup = await browser.context.newPage();
  await setup.goto(`${browser.extensionUrl}extension/options/index.html`);
  const added = await askWorker(setup, { type: 'add-portal', origin: portal.url });
  if (!added.ok) throw new Error(added.error.message);
  console.log(`\n${executablePath} runs with the extension (ID ${extensionId}); the demo portal is added.`);
  const profile = `credential_process = env DUPLO_JIT_BRIDGE_SOCKET=${env.DUPLO_JIT_BRIDGE_SOCKET} ${process.execPath} ${cliBundle} aws --host ${portal.url} --tenant dev01`;
  console.log(`\nA ready ~/.aws/config profile for the demo portal (sign in first, then: aws sts get-caller-identity --profile duplo-dev01 would call AWS):\n\n[profile duplo-dev01]\n${profile}\nregion = us-west-2\n`);
  if (headless) {
    await setup.close();
    if (!hasDisplay && !flags.headless) console.log('No display here, so the browser runs headless and walks the main job:');
    else console.log('Headless: walking the main job:');
    await demoWalk(browser.context, browser.worker, portal);
    await bridgeCall(browser.context, portal, env);
    await browser.close();
    await stop(0);
  } else {
    await setup.goto(`${portal.url}/app/login`);
    console.log('Sign in with a user above, then click the extension in the toolbar. Close the browser or press Ctrl+C to stop.');
    browser.context.on('close', () => void stop(0));
  }
}
