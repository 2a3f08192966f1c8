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
  readonly profileDir: string;
  close(): Promise<void>;
}

/** Chromium with the built extension, in a throwaway profile (browser-testing.md). */
export async function launchWithExtension(extraArgs: readonly string[] = []): Promise<LoadedExtension> {
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`${extensionDir} has no build: run "npm run build" first`);
  }
  const profileDir = await mkdtemp(join(tmpdir(), 'duplo-jit-profile-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath,
    headless: true,
    // Otherwise Chromium writes crash reports under ~/.config even with its own profile dir.
    env: { ...process.env, XDG_CONFIG_HOME: profileDir },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      ...extraArgs,
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return {
    context,
    worker,
    extensionId: new URL(worker.url()).host,
    profileDir,
    async close() {
      await context.close();
      await rm(profileDir, { recursive: true, force: true });
    },
  };
}
