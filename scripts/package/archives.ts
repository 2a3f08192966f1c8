import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { lintFirefoxArchive } from './firefox-lint';
import { npmTarball } from './npm-tarball';
import { singleExecutable } from './single-executable';
import { reproducibleZip } from './zip';

const root = resolve(import.meta.dirname, '../..');
const dist = (path: string) => resolve(root, 'dist', path);

/** One file of dist/packages: how it is made, and, where a store checks it, the same check first. */
export interface Archive {
  readonly file: string;
  readonly mode: 0o644 | 0o755;
  /** Why this machine cannot make it, or undefined when it can. */
  readonly missing: () => string | undefined;
  readonly make: () => Promise<Uint8Array>;
  /** Throws when the archive would be refused; otherwise one line about it. */
  readonly check?: (bytes: Uint8Array) => Promise<string>;
}

/**
 * The store gives a listed extension its own ID, and refuses a manifest with a `key`: the key
 * only pins the development ID that unpacked builds and the tests use (src/bridge/extension-id.ts).
 */
function withoutKey(path: string, bytes: Uint8Array): Uint8Array {
  if (path !== 'manifest.json') return bytes;
  const manifest = JSON.parse(Buffer.from(bytes).toString('utf8')) as Record<string, unknown>;
  delete manifest.key;
  return Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
}

const built = (dir: string, how: string) => () => (existsSync(dist(`${dir}/manifest.json`)) ? undefined : `dist/${dir} is not built (${how})`);

/** Every archive `npm run package` writes, in the order it writes them; names carry package.json's version. */
export async function archives(): Promise<Archive[]> {
  const { version } = JSON.parse(await readFile(resolve(root, 'package.json'), 'utf8')) as { version: string };
  return [
    {
      file: `duplo-jit-bridge-chromium-${version}.zip`,
      mode: 0o644,
      missing: built('extension', 'npm run build'),
      make: () => reproducibleZip(dist('extension'), withoutKey),
    },
    {
      file: `duplo-jit-bridge-firefox-${version}.xpi`,
      mode: 0o644,
      missing: built('firefox', 'npm run build'),
      make: () => reproducibleZip(dist('firefox')),
      check: async (bytes) => `web-ext lint: no errors, ${(await lintFirefoxArchive(bytes)).warnings} warning(s)`,
    },
    {
      // npm's own name for the tarball.
      file: `duplo-jit-bridge-${version}.tgz`,
      mode: 0o644,
      missing: () => (existsSync(dist('node/duplo-jit-bridge.cjs')) ? undefined : 'dist/node is not built (npm run build)'),
      make: npmTarball,
    },
    {
      file: `duplo-jit-bridge-${version}-linux-x64`,
      mode: 0o755,
      // The single executable is the running node with the CLI inside, so it is made for this node's platform only.
      missing: () => (process.platform !== 'linux' || process.arch !== 'x64' ? `the single executable for Linux x64 is made on Linux x64 (this is ${process.platform}-${process.arch})` : existsSync(dist('sea/duplo-jit-bridge.cjs')) ? undefined : 'dist/sea is not built (npm run build)'),
      make: singleExecutable,
    },
  ];
}
