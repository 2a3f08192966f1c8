import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RegResult, SetupIo } from './setup-io';

/** A SetupIo over a fresh temp home, with what the command prints collected. */
export function testIo(overrides: Partial<SetupIo> = {}): SetupIo & { out: () => string; err: () => string; home: string; bundle: string } {
  const root = mkdtempSync(join(tmpdir(), 'duplo-jit-setup-'));
  const home = join(root, 'home');
  mkdirSync(home);
  // A stand-in bundle that shows how the launcher ran it.
  const bundle = join(root, "tools o'neil", 'duplo-jit-bridge.cjs');
  mkdirSync(join(root, "tools o'neil"));
  writeFileSync(bundle, 'process.stdout.write(JSON.stringify(process.argv.slice(2)));\n');
  let out = '';
  let err = '';
  return {
    stdout: (text) => (out += text),
    stderr: (text) => (err += text),
    env: {},
    platform: 'linux',
    homedir: home,
    execPath: process.execPath,
    bundlePath: bundle,
    out: () => out,
    err: () => err,
    home,
    bundle,
    ...overrides,
  };
}

/** A stand-in registry behind reg.exe's add, query and delete, recording every call. */
export function fakeRegistry(): { runReg: (args: readonly string[]) => Promise<RegResult>; calls: string[][]; keys: Map<string, string> } {
  const keys = new Map<string, string>();
  const calls: string[][] = [];
  const runReg = async (args: readonly string[]): Promise<RegResult> => {
    calls.push([...args]);
    const [verb, key = ''] = args;
    if (verb === 'add') {
      keys.set(key, args[args.indexOf('/d') + 1]!);
      return { code: 0, stdout: 'The operation completed successfully.\r\n', stderr: '' };
    }
    const value = keys.get(key);
    if (value === undefined) return { code: 1, stdout: '', stderr: 'ERROR: The system was unable to find the specified registry key or value.\r\n' };
    if (verb === 'delete') keys.delete(key);
    return { code: 0, stdout: verb === 'query' ? `\r\n${key}\r\n    (Default)    REG_SZ    ${value}\r\n\r\n` : '', stderr: '' };
  };
  return { runReg, calls, keys };
}

/** Every file under `dir` with its content: what a command left behind. */
export function filesUnder(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => [join(entry.parentPath, entry.name).slice(dir.length + 1), readFileSync(join(entry.parentPath, entry.name), 'utf8')]),
  );
}
