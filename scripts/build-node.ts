import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';

/**
 * The CLI starts once per `aws` command, so it ships as one file with nothing to resolve at
 * start-up: every dependency is bundled in and only Node built-ins stay imports. CommonJS,
 * because Node 20's ES module loader costs each start ~9 ms more than `require` (BENCHMARKS.md).
 */
const { version } = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

await build({
  entryPoints: { 'duplo-jit-bridge': 'src/cli/main.ts' },
  outdir: 'dist/node',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  banner: { js: '#!/usr/bin/env node' },
  define: { __VERSION__: JSON.stringify(version) },
  logLevel: 'warning',
});
