import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { WorkerRequest } from '../../src/worker-messages/protocol';
import type { DemoPortal } from '../portal/index';
import { launchWithExtension, type LaunchOptions, type LoadedExtension } from './chromium';
import { askWorker, signInOnPortal } from './portal-browser';
import { cliBundle, runCli } from './run-cli';

export interface BridgeSetup {
  readonly browser: LoadedExtension;
  /** Environment for CLI processes: the socket of this browser's host, and a private cache. */
  readonly env: Readonly<Record<string, string>>;
  readonly dir: string;
}

/** Polls `check` until it holds, or fails after `timeoutMs` naming what never happened. */
export async function waitFor(check: () => boolean, failure: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(failure);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Sends requests to the extension's worker from its options page, as that page's buttons do. */
export async function askOptionsPage(browser: LoadedExtension, requests: readonly WorkerRequest[]): Promise<void> {
  const page = await browser.context.newPage();
  try {
    await page.goto(`${browser.extensionUrl}extension/options/index.html`);
    for (const request of requests) {
      const reply = await askWorker(page, request);
      if (!reply.ok) throw new Error(reply.error.message);
    }
  } finally {
    await page.close();
  }
}

/**
 * Chromium with the extension and the native host installed into its throwaway profile (as
 * `duplo-jit-bridge install --profile-dir` does it for a user), the demo portal added and the
 * admin signed in on the portal's own page.
 */
export async function startBridgeBrowser(portal: DemoPortal, settings: Record<string, unknown> = {}, launch: Pick<LaunchOptions, 'otherExtensions' | 'extraArgs'> = {}): Promise<BridgeSetup> {
  const dir = await mkdtemp(join(tmpdir(), 'duplo-jit-e2e-'));
  const env = { DUPLO_JIT_BRIDGE_SOCKET: join(dir, 'bridge.sock'), XDG_CACHE_HOME: join(dir, 'cache') };
  const browser = await launchWithExtension({
    ...launch,
    env,
    prepareProfile: async (profileDir) => {
      const installed = await runCli(['install', '--profile-dir', profileDir], env);
      if (installed.code !== 0) throw new Error(`install failed: ${installed.stderr}`);
    },
  });
  await askOptionsPage(browser, [{ type: 'add-portal', origin: portal.url }, { type: 'save-settings', settings }]);
  await signInOnPortal(browser.context, portal, 'admin');
  await waitFor(() => existsSync(env.DUPLO_JIT_BRIDGE_SOCKET), 'the native host never opened its socket', 10_000);
  return { browser, env, dir };
}

/** An AWS config whose profiles run our credential_process, as a user would write it. */
export async function writeAwsConfig(dir: string, portal: DemoPortal, profiles: Record<string, string>): Promise<string> {
  const file = join(dir, 'aws-config');
  const blocks = Object.entries(profiles).map(
    ([name, scope]) => `[profile ${name}]\ncredential_process = ${process.execPath} ${cliBundle} aws --host ${portal.url} ${scope}\nregion = us-west-2\n`,
  );
  await writeFile(file, blocks.join('\n'));
  return file;
}
