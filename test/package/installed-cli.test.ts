import { execFile, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshMachine, installOutput, launcherText, noNetwork, offline, packageInto, quoted, removePackages, root, version } from './package-run.test-support';

const run = promisify(execFile);
let packages: string | undefined;

beforeAll(async () => {
  if (!existsSync(join(root, 'dist/extension/manifest.json'))) throw new Error('run "npm run build" first: the package run archives the built extension');
  ({ out: packages } = await packageInto('packages'));
}, 600_000);

afterAll(() => removePackages(packages));

const hostManifest = (profile: string) => JSON.parse(readFileSync(join(profile, 'NativeMessagingHosts/com.duplocloud.jit_bridge.json'), 'utf8')) as { path: string };

/** Starts the host as the browser would, through the launcher; resolves once it listens, and again when it has exited after the "browser" closed its stdin. */
async function hostThroughLauncher(launcher: string, env: Record<string, string>): Promise<{ listening: string; code: number | null }> {
  const socket = join(env.HOME!, 'bridge.sock');
  const host = spawn('/bin/sh', [launcher, 'chrome-extension://abc/'], { env: { ...env, DUPLO_JIT_BRIDGE_SOCKET: socket }, stdio: ['pipe', 'ignore', 'pipe'] });
  let stderr = '';
  const listening = await new Promise<string>((done, fail) => {
    host.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      if (stderr.includes(`listening on ${socket}`)) done(`listening on ${socket}`);
    });
    host.once('exit', () => fail(new Error(`the host exited before listening: ${stderr}`)));
  });
  const exited = new Promise<number | null>((done) => host.once('exit', done));
  host.stdin.end();
  return { listening, code: await exited };
}

describe(`the npm package, installed globally into an empty prefix${noNetwork ? ' with no network at all' : ''}`, () => {
  it('puts duplo-jit-bridge on PATH, whose install writes a launcher running that node and the installed bundle', async () => {
    const machine = freshMachine();
    const env = { PATH: `${join(machine.prefix, 'bin')}:${process.env.PATH}`, HOME: machine.home, npm_config_cache: join(machine.home, '.npm') };
    const tarball = join(packages!, `duplo-jit-bridge-${version}.tgz`);
    await run(...offline('npm', ['install', '--global', '--prefix', machine.prefix, '--offline', '--no-audit', '--no-fund', '--no-update-notifier', tarball]), { env });
    // Found through PATH, as a person types it.
    expect(await run('duplo-jit-bridge', ['--version'], { env })).toEqual({ stdout: `${version}\n`, stderr: '' });
    expect(await run('duplo-jit-bridge', ['install', '--browser', 'chromium', '--profile-dir', machine.profile], { env })).toEqual({ stdout: installOutput(machine.profile), stderr: '' });
    const launcher = join(machine.profile, 'duplo-jit-bridge/host-launcher.sh');
    const bundle = join(machine.prefix, 'lib/node_modules/duplo-jit-bridge/dist/node/duplo-jit-bridge.cjs');
    expect(readFileSync(launcher, 'utf8')).toBe(launcherText(`${quoted(process.execPath)} ${quoted(bundle)}`));
    expect(hostManifest(machine.profile).path).toBe(launcher);
    expect(await hostThroughLauncher(launcher, { HOME: machine.home })).toEqual({ listening: `listening on ${join(machine.home, 'bridge.sock')}`, code: 0 });
  });
});

describe('the single executable, with no node on PATH', () => {
  it('prints its version, and its install writes a launcher that runs it alone, which starts the host', async () => {
    const machine = freshMachine();
    const sea = join(packages!, `duplo-jit-bridge-${version}-linux-x64`);
    // An empty folder as the whole PATH: nothing, node included, is found by name.
    const env = { PATH: machine.emptyBin, HOME: machine.home };
    // An empty stderr also says its code cache was taken: Node warns "Code cache data rejected." otherwise.
    expect(await run(sea, ['--version'], { env })).toEqual({ stdout: `${version}\n`, stderr: '' });
    expect(await run(sea, ['install', '--browser', 'chromium', '--profile-dir', machine.profile], { env })).toEqual({ stdout: installOutput(machine.profile), stderr: '' });
    const launcher = join(machine.profile, 'duplo-jit-bridge/host-launcher.sh');
    expect(readFileSync(launcher, 'utf8')).toBe(launcherText(quoted(sea)));
    expect(hostManifest(machine.profile).path).toBe(launcher);
    expect(await hostThroughLauncher(launcher, env)).toEqual({ listening: `listening on ${join(machine.home, 'bridge.sock')}`, code: 0 });
  });
});
