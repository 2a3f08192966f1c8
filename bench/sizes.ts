import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Figure } from './report';

const root = resolve(import.meta.dirname, '..');
const extension = join(root, 'dist/extension');
const kb = (bytes: number) => bytes / 1024;
const exact = (value: number) => ({ median: value, p95: value, runs: 1 });

/** Every file a page or worker loads before it runs: its entries and, transitively, their static imports. */
async function closure(entries: readonly string[]): Promise<string[]> {
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    if (!file.endsWith('.js')) continue;
    const source = await readFile(file, 'utf8');
    // Minified ESM: `import"./a.js"`, `from"./b.js"`. Dynamic imports load later, so they are not counted.
    for (const match of source.matchAll(/(?:\bfrom|\bimport)\s*["'](\.{1,2}\/[^"']+)["']/g)) queue.push(resolve(dirname(file), match[1]!));
  }
  return [...seen].sort();
}

/** The script, preloads and stylesheets a built HTML page names (Vite writes them as root-relative paths). */
async function pageEntries(html: string): Promise<string[]> {
  const text = await readFile(join(extension, html), 'utf8');
  return [...text.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)].map((match) => join(extension, match[1]!));
}

async function gzipped(files: readonly string[]): Promise<{ raw: number; gz: number }> {
  let raw = 0;
  let gz = 0;
  for (const file of files) {
    const bytes = await readFile(file);
    raw += bytes.length;
    // Each file is fetched and stored on its own, so each is compressed on its own (zlib's default level).
    gz += gzipSync(bytes).length;
  }
  return { raw, gz };
}

function sizeFigure(name: string, files: readonly string[], size: { raw: number; gz: number }, max?: number): Figure {
  return {
    bench: '6. Sizes',
    name: `${name}, gzipped (${files.length} file${files.length === 1 ? '' : 's'})`,
    unit: 'KB',
    figure: exact(kb(size.gz)),
    subject: exact(kb(size.raw)),
    budgets: max === undefined ? [] : [{ stat: 'median', max }],
    note: `${name}: ${files.map((file) => file.slice(root.length + 1)).join(', ')}. Subject column: the same files uncompressed.`,
  };
}

/** 6. What the popup and the service worker load, and the CLI's two files, gzipped. KB = 1,024 bytes. */
export async function sizes(): Promise<Figure[]> {
  const manifest = JSON.parse(await readFile(join(extension, 'manifest.json'), 'utf8')) as { background: { service_worker: string }; action: { default_popup: string } };
  const popupFiles = await closure(await pageEntries(manifest.action.default_popup));
  const workerFiles = await closure([join(extension, manifest.background.service_worker)]);
  const cli = [join(root, 'dist/node/duplo-jit-bridge.cjs')];
  const commands = [join(root, 'dist/node/duplo-jit-bridge-commands.cjs')];
  return [
    sizeFigure('popup JS + CSS', popupFiles, await gzipped(popupFiles), 30),
    sizeFigure('service worker', workerFiles, await gzipped(workerFiles), 40),
    sizeFigure('CLI, what `aws` loads', cli, await gzipped(cli)),
    sizeFigure('CLI, the other commands', commands, await gzipped(commands)),
  ];
}
