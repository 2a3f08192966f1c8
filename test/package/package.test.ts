import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filesUnder } from '../../scripts/package/zip';
import { noNetwork, packageInto, removePackages, root, version } from './package-run.test-support';

const names = {
  chromium: `duplo-jit-bridge-chromium-${version}.zip`,
  firefox: `duplo-jit-bridge-firefox-${version}.xpi`,
  npm: `duplo-jit-bridge-${version}.tgz`,
  sea: `duplo-jit-bridge-${version}-linux-x64`,
};
const made = [names.chromium, names.firefox, names.npm, names.sea];

let first: Awaited<ReturnType<typeof packageInto>>;
let second: Awaited<ReturnType<typeof packageInto>>;

beforeAll(async () => {
  for (const build of ['extension', 'firefox']) {
    if (!existsSync(join(root, `dist/${build}/manifest.json`))) throw new Error('run "npm run build" first: the package run archives both built extensions');
  }
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build-node.ts'], { cwd: root });
  // One after the other, as a person would run it twice: the second must not see the first.
  first = await packageInto('one');
  second = await packageInto('two');
  // A ceiling: a run takes ~11 s on a quiet machine, mostly postject rewriting the 95 MB node
  // binary; beside two CPU burners and the other package test the pair took over 3 minutes.
}, 600_000);

afterAll(() => {
  removePackages(first?.out);
  removePackages(second?.out);
});

describe(`npm run package${noNetwork ? ', with no network at all' : ' (network not cut off: not root, or no unshare)'}`, () => {
  it('writes each archive and SHA256SUMS, and says what it wrote', () => {
    expect(readdirSync(first.out).sort()).toEqual([...made, 'SHA256SUMS'].sort());
    const size = (name: string) => readFileSync(join(first.out, name)).length;
    // web-ext's warnings are the store's advice, counted; an error would have failed the run.
    const lint = /; web-ext lint: no errors, \d+ warning\(s\)$/.exec(first.stdout.split('\n').find((line) => line.includes(names.firefox)) ?? '')?.[0] ?? '';
    const wrote = made.map((name) => `${join(first.out, name)}: ${size(name)} bytes${name === names.firefox ? lint : ''}\n`);
    expect(first.stdout).toBe(`${wrote.join('')}${join(first.out, 'SHA256SUMS')}: ${made.length} archives\n`);
    expect(lint).not.toBe('');
    expect(first.stderr).toBe('');
  });

  it('gives the same bytes on a second run: fixed times, order and modes', () => {
    for (const name of [...made, 'SHA256SUMS']) expect(readFileSync(join(second.out, name)).equals(readFileSync(join(first.out, name))), name).toBe(true);
  });

  it('lists every archive in SHA256SUMS as sha256sum writes it, and sha256sum -c accepts it', () => {
    const sha256 = (name: string) => createHash('sha256').update(readFileSync(join(first.out, name))).digest('hex');
    expect(readFileSync(join(first.out, 'SHA256SUMS'), 'utf8')).toBe(made.map((name) => `${sha256(name)}  ${name}\n`).join(''));
    expect(execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: first.out, encoding: 'utf8' })).toBe(made.map((name) => `${name}: OK\n`).join(''));
  });

  it("zips the built extension for the Chrome Web Store and Edge, its manifest without the key and with package.json's version", async () => {
    const entries = unzipSync(readFileSync(join(first.out, names.chromium)));
    expect(Object.keys(entries)).toEqual(await filesUnder(join(root, 'dist/extension')));
    const manifest = JSON.parse(Buffer.from(entries['manifest.json']!).toString('utf8')) as Record<string, unknown>;
    const built = JSON.parse(readFileSync(join(root, 'dist/extension/manifest.json'), 'utf8')) as Record<string, unknown>;
    expect(built.key).toEqual(expect.any(String));
    expect(manifest).not.toHaveProperty('key');
    expect(manifest).toEqual({ ...built, key: undefined });
    expect(manifest.version).toBe(version);
    expect(Buffer.from(entries['service-worker-loader.js']!).equals(readFileSync(join(root, 'dist/extension/service-worker-loader.js')))).toBe(true);
  });

  it('zips the Firefox build as it is, with package.json\'s version', async () => {
    const entries = unzipSync(readFileSync(join(first.out, names.firefox)));
    expect(Object.keys(entries)).toEqual(await filesUnder(join(root, 'dist/firefox')));
    expect(JSON.parse(Buffer.from(entries['manifest.json']!).toString('utf8'))).toMatchObject({ version, browser_specific_settings: { gecko: { id: 'duplo-jit-bridge@duplocloud.net' } } });
  });

  it('packs the CLI for npm with only what runs: its two files, package.json and the README, and no dependencies', () => {
    const listing = execFileSync('tar', ['tzf', join(first.out, names.npm)], { encoding: 'utf8' });
    expect(listing.split('\n').filter(Boolean).sort()).toEqual(['package/README.md', 'package/dist/node/duplo-jit-bridge-commands.cjs', 'package/dist/node/duplo-jit-bridge.cjs', 'package/package.json']);
    const packed = JSON.parse(execFileSync('tar', ['xzOf', join(first.out, names.npm), 'package/package.json'], { encoding: 'utf8' })) as Record<string, unknown>;
    expect(packed).toMatchObject({ name: 'duplo-jit-bridge', version, bin: { 'duplo-jit-bridge': 'dist/node/duplo-jit-bridge.cjs' } });
    expect(packed).not.toHaveProperty('dependencies');
    expect(packed).not.toHaveProperty('private');
  });
});
