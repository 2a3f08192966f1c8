import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** One LZ4 block (the format's own spec: sequences of a token, literals, an offset, a match). */
function decodeLz4Block(source: Uint8Array, size: number): Buffer {
  const out = Buffer.alloc(size);
  let at = 0;
  let written = 0;
  const length = (start: number): number => {
    let total = start;
    if (start !== 15) return total;
    for (let byte = 255; byte === 255; total += byte) byte = source[at++]!;
    return total;
  };
  while (at < source.length) {
    const token = source[at++]!;
    const literals = length(token >> 4);
    out.set(source.subarray(at, at + literals), written);
    at += literals;
    written += literals;
    if (at >= source.length) break;
    const offset = source[at]! | (source[at + 1]! << 8);
    at += 2;
    const match = length(token & 15) + 4;
    // Byte by byte: a match may overlap what it is copying.
    for (let copied = 0; copied < match; copied++, written++) out[written] = out[written - offset]!;
  }
  return out.subarray(0, written);
}

/** Firefox's `mozLz40\0` files (session store and the like), decoded; undefined for any other file. */
export function decodeMozLz4(file: Buffer): Buffer | undefined {
  if (file.subarray(0, 8).toString('latin1') !== 'mozLz40\0') return undefined;
  return decodeLz4Block(file.subarray(12), file.readUInt32LE(8));
}

/**
 * Writes a decoded copy (`<name>.decoded`) beside each mozLz4 file under `dir`, so a byte scan
 * of the profile (profile-files.ts) sees what Firefox compressed: its session store keeps the
 * URLs of open and recently closed tabs.
 */
export async function decodeMozLz4Files(dir: string): Promise<number> {
  let decoded = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !/lz4$/.test(entry.name)) continue;
    const path = join(entry.parentPath, entry.name);
    const text = decodeMozLz4(await readFile(path));
    if (!text) continue;
    await writeFile(`${path}.decoded`, text);
    decoded++;
  }
  return decoded;
}
