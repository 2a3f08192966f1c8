import { mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';

export const extensionDir = resolve(import.meta.dirname, '../../dist/extension');

/** The real binary: /usr/bin/chromium is a wrapper script that adds its own flags. */
export const chromiumPath = process.env.CHROME_PATH ?? '/usr/lib/chromium/chromium';

export interface LoadedExtension {
  readonly context: BrowserContext;
  readonly worker: Worker;
  readonly extensionId: string;
  /** `chrome-extension://<id>/`. */
  readonly extensionUrl: string;
  readonly profileDir: string;
  close(): Promise<void>;
}

export interface LaunchOptions {
  readonly executablePath?: string;
  readonly headless?: boolean;
  readonly extraArgs?: readonly string[];
  /** Extra environment for the browser, and so for the native host it starts. */
  readonly env?: Readonly<Record<string, string>>;
  /** Unpacked extensions loaded beside ours (the security tests' hostile extension). */
  readonly otherExtensions?: readonly string[];
  /** Our extension from another folder: a copy under a test-only ID (test/support/managed-policy.ts). */
  readonly extensionDir?: string;
  /** Runs on the fresh profile folder before the browser starts (to install the native host). */
  readonly prepareProfile?: (profileDir: string) => Promise<void>;
}

/** Chromium with the built extension, in a throwaway profile (test/browser-facts.md, "Launching"). */
export async function launchWithExtension(options: LaunchOptions = {}): Promise<LoadedExtension> {
  const { executablePath = chromiumPath, headless = true, extraArgs = [], env = {}, otherExtensions = [], extensionDir: ourDir = extensionDir } = options;
  const loaded = [ourDir, ...otherExtensions].join(',');
  if (!existsSync(join(ourDir, 'manifest.json'))) {
    throw new Error(`${ourDir} has no build: run "npm run build" first`);
  }
  const profileDir = await mkdtemp(join(tmpdir(), 'duplo-jit-profile-'));
  await options.prepareProfile?.(profileDir);
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath,
    headless,
    // Otherwise Chromium writes crash reports under ~/.config even with its own profile dir.
    env: { ...process.env, XDG_CONFIG_HOME: profileDir, ...env },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--disable-extensions-except=${loaded}`,
      `--load-extension=${loaded}`,
      ...extraArgs,
    ],
  });
  const ours = (candidate: Worker) => candidate.url().endsWith('/service-worker-loader.js');
  const worker = context.serviceWorkers().find(ours) ?? (await context.waitForEvent('serviceworker', { predicate: ours }));
  return {
    context,
    worker,
    extensionId: new URL(worker.url()).host,
    extensionUrl: `chrome-extension://${new URL(worker.url()).host}/`,
    profileDir,
    async close() {
      await context.close();
      await rm(profileDir, { recursive: true, force: true });
    },
  };
}
