import { chmodSync, chownSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installCommand } from './install-command';
import { testIo } from './setup-io.test-support';
import { untrustedSystemPath } from './system-path-trust';

// Real files owned by root in a folder only root can change: root's home, not /tmp (world-writable).
const notRoot = process.platform === 'win32' || process.getuid?.() !== 0 ? 'needs root on Linux or macOS, to own and chown the files' : undefined;
if (notRoot) console.warn(`system-path-trust: skipped: ${notRoot}`);
let base: string;

beforeAll(() => {
  if (notRoot) return;
  base = mkdtempSync(join(homedir(), '.duplo-jit-trust-'));
  chmodSync(base, 0o755);
});
afterAll(() => base && rmSync(base, { recursive: true, force: true }));

/** `base/name/bin/node`, a root-owned file in root-owned folders of mode 0755. */
function tree(name: string): { dir: string; file: string } {
  const dir = join(base, name, 'bin');
  mkdirSync(dir, { recursive: true, mode: 0o755 });
  const file = join(dir, 'node');
  writeFileSync(file, '', { mode: 0o755 });
  return { dir, file };
}

describe.skipIf(notRoot)('install --system refuses a node or program that others than root could change', () => {
  it('accepts a file that root alone can change all the way up to /', async () => {
    expect(await untrustedSystemPath(tree('good').file)).toBeUndefined();
  });

  it('names a group- or world-writable folder up the tree, a world-writable file, and one not owned by root', async () => {
    const group = tree('group');
    chmodSync(join(base, 'group'), 0o775);
    expect(await untrustedSystemPath(group.file)).toEqual({ path: join(base, 'group'), problem: 'writable by its group (mode 0775)' });
    const world = tree('world');
    chmodSync(world.file, 0o777);
    expect(await untrustedSystemPath(world.file)).toEqual({ path: world.file, problem: 'writable by everyone (mode 0777)' });
    const theirs = tree('theirs');
    chownSync(theirs.dir, 54321, 54321);
    expect(await untrustedSystemPath(theirs.file)).toEqual({ path: theirs.dir, problem: 'owned by uid 54321, not root' });
    expect(await untrustedSystemPath(testIo().bundle)).toMatchObject({ path: '/tmp', problem: 'writable by everyone (mode 1777)' });
  });

  it('follows symbolic links to where they lead', async () => {
    const target = tree('linked');
    chmodSync(target.dir, 0o777);
    const link = join(base, 'good', 'bin', 'node-link');
    symlinkSync(target.file, link);
    expect(await untrustedSystemPath(link)).toEqual({ path: target.dir, problem: 'writable by everyone (mode 0777)' });
  });

  it('stops install --system before it writes anything, saying which path and what to do', async () => {
    const node = tree('node-ok').file;
    const bundle = join(tree('bundle-bad').dir, 'duplo-jit-bridge.cjs');
    writeFileSync(bundle, '', { mode: 0o644 });
    const dir = join(base, 'bundle-bad');
    chmodSync(dir, 0o775);
    const io = testIo({ execPath: node, bundlePath: bundle });
    expect(await installCommand(['--system', '--browser', 'chromium'], io)).toBe(1);
    expect(io.out()).toBe('');
    expect(io.err()).toBe(
      `duplo-jit-bridge: refusing to install for all users: ${dir}, above the duplo-jit-bridge program ${bundle}, is writable by its group (mode 0775). Every user's browser would run the duplo-jit-bridge program, so whoever can change it could run code as them. Put the duplo-jit-bridge program where only root can change it (every folder up to / owned by root, without group or world write), e.g. under /usr/local/lib, or make ${dir} root's alone (chown root, chmod go-w) if it should be; then run "sudo duplo-jit-bridge install --system" again.\n`,
    );
    const theirNode = tree('node-theirs').file;
    chownSync(theirNode, 54321, 54321);
    const owned = testIo({ execPath: theirNode, bundlePath: bundle });
    expect(await installCommand(['--system', '--browser', 'chromium'], owned)).toBe(1);
    expect(owned.err()).toMatch(`duplo-jit-bridge: refusing to install for all users: node ${theirNode} is owned by uid 54321, not root. Every user's browser would run node,`);
  });
});
