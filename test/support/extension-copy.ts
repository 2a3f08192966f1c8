import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extensionDir } from './chromium';

export interface ExtensionCopy {
  readonly dir: string;
  remove(): Promise<void>;
}

type Manifest = Record<string, unknown>;

/** A copy of the built extension whose manifest `patch` changed, in a folder of its own. */
export async function extensionCopy(patch: (manifest: Manifest) => Manifest): Promise<ExtensionCopy> {
  const dir = await mkdtemp(join(tmpdir(), 'duplo-jit-copy-'));
  await cp(extensionDir, dir, { recursive: true });
  const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  await writeFile(join(dir, 'manifest.json'), JSON.stringify(patch(manifest)));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * A copy of the built extension (same key, so the same ID) whose manifest also grants `hosts`:
 * what a user's "Allow" to an optional host permission gives, since a headless browser's
 * permission prompt cannot be answered (test/browser-facts.md).
 */
export function extensionWithHosts(hosts: readonly string[]): Promise<ExtensionCopy> {
  return extensionCopy((manifest) => ({ ...manifest, host_permissions: [...((manifest.host_permissions as string[] | undefined) ?? []), ...hosts] }));
}
