import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { zipSync, type ZipOptions } from 'fflate';

/**
 * Every entry gets the same time, 1980-01-01 00:00 (the earliest a zip can hold), built from
 * local fields because the zip format stores local time and fflate reads the local fields:
 * the archive is then the same bytes in every time zone.
 */
const fixedTime = new Date(1980, 0, 1, 0, 0, 0);
// Made on Unix (3), each entry an ordinary file readable by all: the mode on disk does not leak in.
const entryAttributes: ZipOptions = { mtime: fixedTime, os: 3, attrs: (0o100644 << 16) >>> 0, level: 9 };

/** Every file under `dir`, as forward-slash paths relative to it, in byte order. */
export async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'));
  // Byte order, not locale order: the same on every machine.
  return files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * A reproducible zip of `dir`: entries sorted, fixed times and modes, no directory entries.
 * `rewrite` may replace a file's bytes (the store manifest without its `key`). fflate rather
 * than a shell `zip`: it is pure JS with no dependencies, so the bytes do not depend on which
 * zip tool the machine has, and it lets each entry's time and mode be set.
 */
export async function reproducibleZip(dir: string, rewrite: (path: string, bytes: Uint8Array) => Uint8Array = (_path, bytes) => bytes): Promise<Uint8Array> {
  const entries: Record<string, [Uint8Array, ZipOptions]> = {};
  for (const path of await filesUnder(dir)) entries[path] = [rewrite(path, await readFile(join(dir, path))), entryAttributes];
  return zipSync(entries);
}
