import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');

/**
 * The npm package, as `npm pack` makes it: package.json's `files` keep it to the built CLI
 * (and npm adds package.json and README.md). npm writes every entry with one fixed time and
 * mode, so the tarball is the same bytes for the same files; scripts are not run.
 */
export async function npmTarball(): Promise<Uint8Array> {
  const dir = await mkdtemp(join(tmpdir(), 'duplo-jit-pack-'));
  try {
    const { stdout } = await run('npm', ['pack', '--ignore-scripts', '--offline', '--json', '--pack-destination', dir], { cwd: root });
    const [packed] = JSON.parse(stdout) as [{ filename: string }];
    return await readFile(join(dir, packed.filename));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
