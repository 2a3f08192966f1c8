import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { builtinModules } from 'node:module';
import { basename, join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const bundle = resolve(root, 'dist/node/duplo-jit-bridge.cjs');
const commands = resolve(root, 'dist/node/duplo-jit-bridge-commands.cjs');

/** A copy of the given files in a fresh folder, far from node_modules; the main file's path. */
function copied(files: readonly string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'duplo-jit-cli-'));
  for (const file of files) copyFileSync(file, join(dir, basename(file)));
  return join(dir, basename(bundle));
}

beforeAll(() => {
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build-node.ts'], { cwd: root });
});

describe('the CLI bundle', () => {
  it('loads nothing but Node built-ins, and the main file nothing but those and its sibling', () => {
    const loads = (file: string) => [...readFileSync(file, 'utf8').matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*)["']([^"']+)["']/g)].map((match) => match[1]!);
    const builtins = new Set(builtinModules);
    const notBuiltin = (name: string) => !name.startsWith('node:') && !builtins.has(name);
    expect(loads(bundle)).toContain('node:net');
    expect([...new Set(loads(bundle).filter(notBuiltin))]).toEqual(['./duplo-jit-bridge-commands.cjs']);
    expect(loads(commands).filter(notBuiltin)).toEqual([]);
  });

  it('keeps zod out of the main file, which every aws command loads (BENCHMARKS.md)', () => {
    // Minifying keeps property names, and zod keeps its internals under "_zod".
    expect(readFileSync(commands, 'utf8')).toContain('_zod');
    expect(readFileSync(bundle, 'utf8')).not.toContain('_zod');
  });

  it('runs from its two files alone, away from node_modules', () => {
    const { version } = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { version: string };
    const main = copied([bundle, commands]);
    expect(spawnSync(process.execPath, [main, '--version'], { encoding: 'utf8' })).toMatchObject({ status: 0, stdout: `${version}\n`, stderr: '' });
    const commit = execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], { encoding: 'utf8' }).trim();
    expect(spawnSync(process.execPath, [main, 'version'], { encoding: 'utf8' })).toMatchObject({ status: 0, stdout: `duplo-jit-bridge version ${version} (git commit ${commit})\n`, stderr: '' });
    const help = spawnSync(process.execPath, [main, 'help', 'install'], { encoding: 'utf8' });
    expect(help).toMatchObject({ status: 0, stderr: '' });
    expect(help.stdout).toMatch(/^Usage: duplo-jit-bridge install /);
  });

  it('says which file is missing when the commands file was not copied with it', () => {
    const main = copied([bundle]);
    expect(spawnSync(process.execPath, [main, 'help', 'install'], { encoding: 'utf8' })).toMatchObject({
      status: 1,
      stdout: '',
      stderr: `duplo-jit-bridge: duplo-jit-bridge-commands.cjs must sit beside ${main}: copy both files of dist/node together, or run "npm run build" again\n`,
    });
  });

  it('names an unknown command and exits 2', () => {
    const result = spawnSync(process.execPath, [bundle, 'fly'], { encoding: 'utf8' });
    expect(result).toMatchObject({
      status: 2,
      stdout: '',
      stderr: 'duplo-jit-bridge: unknown command "fly". Run "duplo-jit-bridge --help" for the commands.\n',
    });
  });
});
