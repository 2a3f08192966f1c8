import { createHash } from 'node:crypto';
import { chmod, mkdir, rm, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { archives } from './package/archives';

/**
 * `npm run package`: the store and install archives in dist/packages (or --out DIR), each
 * with its line in SHA256SUMS (`sha256sum -c` reads it). Offline, and the same bytes on every
 * run from the same build. An archive this machine cannot make (the single executable off Linux
 * x64) is named and left out; one a store would refuse fails the run.
 */
const { values } = parseArgs({ options: { out: { type: 'string' } } });
const out = resolve(values.out ?? resolve(import.meta.dirname, '../dist/packages'));
// A stale archive of an older version must not sit beside the new SHA256SUMS.
await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });

// Paths as the user gave them: relative under the current folder, absolute elsewhere.
const shown = (path: string) => (relative(process.cwd(), path).startsWith('..') ? path : relative(process.cwd(), path));

const sums: string[] = [];
for (const archive of await archives()) {
  const missing = archive.missing();
  if (missing !== undefined) {
    console.error(`skipped ${archive.file}: ${missing}`);
    continue;
  }
  const bytes = await archive.make();
  const checked = archive.check ? `; ${await archive.check(bytes)}` : '';
  const path = join(out, archive.file);
  await writeFile(path, bytes);
  await chmod(path, archive.mode);
  sums.push(`${createHash('sha256').update(bytes).digest('hex')}  ${archive.file}\n`);
  console.log(`${shown(path)}: ${bytes.length} bytes${checked}`);
}
await writeFile(join(out, 'SHA256SUMS'), sums.join(''));
console.log(`${shown(join(out, 'SHA256SUMS'))}: ${sums.length} archives`);
