import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extensionDir } from './chromium';

/**
 * A copy of the built extension (same key, so the same ID) whose manifest also grants `hosts`:
 * what a user's "Allow" to an optional host permission gives, since a headless browser's
 * permission prompt cannot be answered (test/browser-facts.md).
 */
export async function extensionWithHosts(hosts: readonly string[]): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'duplo-jit-hosts-'));
  await cp(extensionDir, dir, { recursive: true });
  const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as { host_permissions?: string[] };
  await writeFile(join(dir, 'manifest.json'), JSON.stringify({ ...manifest, host_permissions: [...(manifest.host_permissions ?? []), ...hosts] }));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
