import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { builtinModules } from 'node:module';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const bundle = resolve(root, 'dist/node/duplo-jit-bridge.cjs');

beforeAll(() => {
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build-node.ts'], { cwd: root });
});

describe('the CLI bundle', () => {
  it('imports nothing but Node built-ins', () => {
    const source = readFileSync(bundle, 'utf8');
    const specifiers = [...source.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)["']([^"']+)["']/g)].map((match) => match[1]!);
    const builtins = new Set(builtinModules);
    expect(specifiers.filter((name) => !name.startsWith('node:') && !builtins.has(name))).toEqual([]);
  });

  it('runs on its own, away from node_modules, and reports its version', () => {
    const { version } = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { version: string };
    const alone = join(mkdtempSync(join(tmpdir(), 'duplo-jit-cli-')), 'duplo-jit-bridge.cjs');
    copyFileSync(bundle, alone);
    const result = spawnSync(process.execPath, [alone, '--version'], { encoding: 'utf8' });
    expect(result).toMatchObject({ status: 0, stdout: `${version}\n`, stderr: '' });
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
