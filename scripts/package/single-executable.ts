import { execFile } from 'node:child_process';
import { chmod, copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');
// Relative to the checkout: the blob records the script's path, which must not name where the checkout is.
const script = 'dist/sea/duplo-jit-bridge.cjs';
const postject = join(root, 'node_modules/postject/dist/cli.js');
// The fuse every Node release carries; postject flips it so the binary looks for its blob.
const fuse = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';

/**
 * The CLI as one program for machines without Node (Node's single-executable applications):
 * this node, with dist/sea/duplo-jit-bridge.cjs and its V8 code cache injected. The code cache
 * spares each start compiling the script. V8 writes a different cache on each run unless its
 * random seed is fixed; --random-seed is among the flags V8 leaves out of the flag hash a cache
 * is checked against, so the binary still accepts its cache (Node would print "Code cache
 * data rejected." on every start otherwise, as it does for a cache made with --hash-seed; the
 * package tests expect an empty stderr), and the binary is the same bytes on every run.
 */
export async function singleExecutable(): Promise<Uint8Array> {
  const dir = await mkdtemp(join(tmpdir(), 'duplo-jit-sea-'));
  try {
    const blob = join(dir, 'sea.blob');
    const config = join(dir, 'sea-config.json');
    await writeFile(config, JSON.stringify({ main: script, output: blob, disableExperimentalSEAWarning: true, useCodeCache: true }));
    await run(process.execPath, ['--random-seed=1', '--experimental-sea-config', config], { cwd: root });
    const binary = join(dir, 'duplo-jit-bridge');
    await copyFile(process.execPath, binary);
    await chmod(binary, 0o755);
    await run(process.execPath, [postject, binary, 'NODE_SEA_BLOB', blob, '--sentinel-fuse', fuse], { cwd: root });
    return await readFile(binary);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
