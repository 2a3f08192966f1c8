import { build, type BuildOptions, type Plugin } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';

/**
 * The CLI starts once per `aws` command, so it ships with nothing to resolve at start-up:
 * every dependency is bundled in and only Node built-ins stay imports. Two files: the `aws`
 * path (dist/node/duplo-jit-bridge.cjs, the program) and every other command beside it
 * (duplo-jit-bridge-commands.cjs, loaded when one is asked for). CommonJS, because Node 20's
 * ES module loader costs each start ~9 ms more than `require` (BENCHMARKS.md). A third,
 * dist/sea/duplo-jit-bridge.cjs, is the whole CLI in one file for the single executable.
 */
const { version } = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

/** The commit `version` names; a build from a tarball, without git, says so. */
function gitCommit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

const commandsFile = 'duplo-jit-bridge-commands.cjs';

/** src/cli/commands.ts stays out of the main file: a require of its sibling, resolved beside it at run time. */
const commandsBeside: Plugin = {
  name: 'commands-beside',
  setup(plugin) {
    plugin.onResolve({ filter: /^\.\/commands$/ }, () => ({ path: `./${commandsFile}`, external: true }));
  },
};

const shared: BuildOptions = {
  outdir: 'dist/node',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  define: { __VERSION__: JSON.stringify(version), __COMMIT__: JSON.stringify(gitCommit()) },
  logLevel: 'warning',
};

await Promise.all([
  build({ ...shared, entryPoints: { 'duplo-jit-bridge': 'src/cli/main.ts' }, banner: { js: '#!/usr/bin/env node' }, plugins: [commandsBeside] }),
  build({ ...shared, entryPoints: { 'duplo-jit-bridge-commands': 'src/cli/commands.ts' } }),
  // The single executable's script (scripts/package.ts): one file, since a single executable's
  // require reaches Node's built-ins alone, so the commands are bundled in rather than beside.
  // Its require is also the only loader it has: import() fails there ("A dynamic import callback
  // was not specified"), so esbuild turns each import() of a built-in into a require.
  build({ ...shared, outdir: 'dist/sea', entryPoints: { 'duplo-jit-bridge': 'src/cli/main.ts' }, supported: { 'dynamic-import': false } }),
]);
