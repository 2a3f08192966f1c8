import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { unzipSync } from 'fflate';

const root = resolve(import.meta.dirname, '../..');
const webExt = join(root, 'node_modules/web-ext/bin/web-ext.js');

interface LintReport {
  readonly summary: { readonly errors: number; readonly warnings: number; readonly notices: number };
  readonly errors: readonly { readonly code: string; readonly message: string; readonly file?: string }[];
}

/** web-ext's JSON report; it exits 1 when it finds errors, and the report says which. */
function webExtLint(sourceDir: string): Promise<LintReport> {
  return new Promise((done, fail) => {
    // NO_UPDATE_NOTIFIER: web-ext would otherwise start a background check of the npm registry; packaging runs offline.
    const env = { ...process.env, NO_UPDATE_NOTIFIER: '1' };
    execFile(process.execPath, [webExt, 'lint', '--source-dir', sourceDir, '--no-config-discovery', '--output', 'json'], { env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout) => {
      try {
        done(JSON.parse(stdout) as LintReport);
      } catch {
        fail(error ?? new Error(`web-ext lint printed no report: ${stdout.slice(0, 500)}`));
      }
    });
  });
}

/**
 * `web-ext lint` (addons.mozilla.org's own linter) over what the Firefox archive holds, not
 * over the folder it was made from: the archive is what the store receives. Throws on any
 * error, naming each; warnings are the store's advice and are returned as a count.
 */
export async function lintFirefoxArchive(archive: Uint8Array): Promise<{ warnings: number }> {
  const dir = await mkdtemp(join(tmpdir(), 'duplo-jit-xpi-'));
  try {
    for (const [path, bytes] of Object.entries(unzipSync(archive))) {
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await writeFile(join(dir, path), bytes);
    }
    const report = await webExtLint(dir);
    if (report.summary.errors > 0) {
      throw new Error(`web-ext lint found ${report.summary.errors} error(s) in the Firefox archive: ${report.errors.map((error) => `${error.code} ${error.file ?? ''}: ${error.message}`).join('; ')}`);
    }
    return { warnings: report.summary.warnings };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
