import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

async function* filesUnder(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(path);
    else if (entry.isFile()) yield path;
  }
}

/** Every way a browser may store a string: UTF-8 and Latin-1 (the same bytes for a token), UTF-16. */
const encodings = (text: string) => [Buffer.from(text), Buffer.from(text, 'utf16le')];

/**
 * The files under `dir` (relative paths) holding any of `secrets` as bytes. `allowedBefore`
 * names bytes that may come right before a copy (within 4 bytes) without it counting: a
 * copy the test expects, such as the portal page's own localStorage entry.
 */
export async function filesHolding(dir: string, secrets: readonly string[], allowedBefore?: string): Promise<string[]> {
  const allowed = allowedBefore === undefined ? undefined : Buffer.from(allowedBefore);
  const found: string[] = [];
  for await (const path of filesUnder(dir)) {
    const bytes = await readFile(path);
    const holds = secrets.flatMap(encodings).some((needle) => {
      for (let at = bytes.indexOf(needle); at >= 0; at = bytes.indexOf(needle, at + 1)) {
        if (!allowed || !bytes.subarray(Math.max(0, at - allowed.length - 4), at).includes(allowed)) return true;
      }
      return false;
    });
    if (holds) found.push(relative(dir, path));
  }
  return found;
}
