import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkLauncher } from './doctor-checks';
import { installCommand } from './install-command';
import { fakeRegistry, filesUnder, testIo } from './setup-io.test-support';
import { uninstallCommand } from './uninstall-command';

const origin = 'chrome-extension://afldkjilgapibonkcpebooaminnkidfk/';
const description = 'DuploCloud JIT bridge: AWS credentials for local programs from your browser session';
const name = 'com.duplocloud.jit_bridge';

describe('install on Linux', () => {
  it('writes the launcher and the Chromium manifest, and the launcher runs the bundle for real', async () => {
    const io = testIo();
    expect(await installCommand(['--browser', 'chromium'], io)).toBe(0);
    const launcher = join(io.home, '.local/share/duplo-jit-bridge/host-launcher.sh');
    const manifest = join(io.home, `.config/chromium/NativeMessagingHosts/${name}.json`);
    expect(io.out()).toBe(
      `wrote launcher ${launcher}\nwrote chromium host manifest ${manifest}\ninstalled the native host ${name} for chromium; check it with "duplo-jit-bridge doctor --browser chromium"\n`,
    );
    expect(JSON.parse(readFileSync(manifest, 'utf8'))).toEqual({ name, description, path: launcher, type: 'stdio', allowed_origins: [origin] });
    expect(statSync(manifest).mode & 0o777).toBe(0o644);
    expect(statSync(launcher).mode & 0o777).toBe(0o755);
    expect(readFileSync(launcher, 'utf8')).toBe(
      `#!/bin/sh\n# Written by "duplo-jit-bridge install": the browser runs this as the native messaging host.\nexec '${process.execPath}' '${io.bundle.replace("'", `'\\''`)}' host "$@"\n`,
    );
    const run = spawnSync('/bin/sh', [launcher, '--version'], { encoding: 'utf8', env: {} });
    expect(run).toMatchObject({ status: 0, stdout: '["host","--version"]' });
  });

  it('as the single executable, writes a launcher that runs it alone, and doctor reads that launcher back', async () => {
    const base = testIo();
    // A stand-in for the single executable: it answers --version as the real one does, and shows its arguments otherwise.
    const executable = join(base.home, "bin o'neil", 'duplo-jit-bridge');
    mkdirSync(join(base.home, "bin o'neil"));
    writeFileSync(executable, '#!/bin/sh\n[ "$1" = --version ] && { echo 0.1.0; exit 0; }\nprintf "%s," "$@"\n', { mode: 0o755 });
    const io = testIo({ homedir: base.home, execPath: executable, bundlePath: undefined });
    expect(await installCommand(['--browser', 'chromium'], io)).toBe(0);
    const launcher = join(base.home, '.local/share/duplo-jit-bridge/host-launcher.sh');
    expect(readFileSync(launcher, 'utf8')).toBe(
      `#!/bin/sh\n# Written by "duplo-jit-bridge install": the browser runs this as the native messaging host.\nexec '${executable.replace("'", `'\\''`)}' host "$@"\n`,
    );
    expect(spawnSync('/bin/sh', [launcher, 'chrome-extension://x/'], { encoding: 'utf8', env: {} })).toMatchObject({ status: 0, stdout: 'host,chrome-extension://x/,' });
    expect(await checkLauncher(io, launcher, 'duplo-jit-bridge install')).toEqual({ ok: true, line: `launcher ${launcher} runs the single executable ${executable} (duplo-jit-bridge 0.1.0)` });
  });

  it('with --browser all, writes for the browsers that have run here, honouring $XDG_CONFIG_HOME and $XDG_DATA_HOME', async () => {
    const probe = testIo();
    const io = testIo({ homedir: probe.home, env: { XDG_CONFIG_HOME: join(probe.home, 'cfg'), XDG_DATA_HOME: join(probe.home, 'data') } });
    mkdirSync(join(probe.home, 'cfg/google-chrome'), { recursive: true });
    mkdirSync(join(probe.home, 'cfg/BraveSoftware/Brave-Browser'), { recursive: true });
    mkdirSync(join(probe.home, '.mozilla'));
    expect(await installCommand([], io)).toBe(0);
    const launcher = join(probe.home, 'data/duplo-jit-bridge/host-launcher.sh');
    expect(io.out().split('\n')).toEqual([
      `wrote launcher ${launcher}`,
      `wrote chrome host manifest ${join(probe.home, `cfg/google-chrome/NativeMessagingHosts/${name}.json`)}`,
      `wrote brave host manifest ${join(probe.home, `cfg/BraveSoftware/Brave-Browser/NativeMessagingHosts/${name}.json`)}`,
      `wrote firefox host manifest ${join(probe.home, `.mozilla/native-messaging-hosts/${name}.json`)}`,
      `installed the native host ${name} for chrome, brave, firefox; check it with "duplo-jit-bridge doctor"`,
      '',
    ]);
    expect(JSON.parse(readFileSync(join(probe.home, `.mozilla/native-messaging-hosts/${name}.json`), 'utf8'))).toEqual({
      name,
      description,
      path: launcher,
      type: 'stdio',
      allowed_extensions: ['duplo-jit-bridge@duplocloud.net'],
    });
  });

  it('with --profile-dir, writes only into that profile, launcher included', async () => {
    const io = testIo();
    const profile = join(io.home, 'profile dir');
    expect(await installCommand(['--profile-dir', profile], io)).toBe(0);
    const launcher = join(profile, 'duplo-jit-bridge/host-launcher.sh');
    expect(filesUnder(io.home)).toEqual({
      [`profile dir/NativeMessagingHosts/${name}.json`]: `${JSON.stringify({ name, description, path: launcher, type: 'stdio', allowed_origins: [origin] }, null, 2)}\n`,
      'profile dir/duplo-jit-bridge/host-launcher.sh': readFileSync(launcher, 'utf8'),
    });
    expect(spawnSync('/bin/sh', [launcher, origin], { encoding: 'utf8' }).stdout).toBe(JSON.stringify(['host', origin]));
  });

  it('refuses when no browser has run here, or the bundle is missing or is source', async () => {
    const io = testIo();
    expect(await installCommand([], io)).toBe(1);
    expect(io.err()).toBe(
      'duplo-jit-bridge: found no browser that has run for this user (no Chrome, Chromium, Edge, Brave, Vivaldi or Firefox data folder); name one with --browser NAME to install for it anyway\n',
    );
    const missing = testIo({ bundlePath: '/nowhere/duplo-jit-bridge.cjs' });
    expect(await installCommand(['--browser', 'chrome'], missing)).toBe(1);
    expect(missing.err()).toBe('duplo-jit-bridge: the duplo-jit-bridge program /nowhere/duplo-jit-bridge.cjs does not exist; reinstall it, or run "npm run build" in its source folder\n');
    const source = testIo({ bundlePath: import.meta.filename });
    expect(await installCommand(['--browser', 'chrome'], source)).toBe(1);
    expect(source.err()).toMatch(/^duplo-jit-bridge: install must run from the built program, not from .*install-command\.test\.ts: the browser runs plain node/);
    const usage = testIo();
    expect(await installCommand(['--browser', 'netscape'], usage)).toBe(2);
    expect(usage.err()).toBe('duplo-jit-bridge: --browser must be one of chrome, chromium, edge, brave, vivaldi, firefox or all, not "netscape". Run "duplo-jit-bridge install --help" for the options.\n');
  });
});

describe('install and uninstall on Windows', () => {
  const startDir = process.cwd();
  afterEach(() => process.chdir(startDir));

  it('writes the manifests beside a batch launcher and points HKCU keys at them through reg.exe', async () => {
    // Windows paths have no "/", so on this machine each is one oddly named entry in the current folder.
    process.chdir(mkdtempSync(join(tmpdir(), 'duplo-jit-win-')));
    const local = 'C:\\Users\\ann\\AppData\\Local';
    mkdirSync(`${local}\\Google\\Chrome\\User Data`);
    writeFileSync('C:\\tools\\duplo-jit-bridge.cjs', '');
    const registry = fakeRegistry();
    const io = testIo({ platform: 'win32', homedir: 'C:\\Users\\ann', env: { LOCALAPPDATA: local }, bundlePath: 'C:\\tools\\duplo-jit-bridge.cjs', runReg: registry.runReg });
    expect(await installCommand([], io)).toBe(0);
    const dir = `${local}\\duplo-jit-bridge`;
    const key = `HKCU\\Software\\Google\\Chrome\\NativeMessagingHosts\\${name}`;
    expect(registry.calls).toEqual([['add', key, '/ve', '/t', 'REG_SZ', '/d', `${dir}\\${name}.chrome.json`, '/f']]);
    expect(io.out()).toBe(
      `wrote launcher ${dir}\\host-launcher.bat\nwrote chrome host manifest ${dir}\\${name}.chrome.json\nset registry key ${key} to ${dir}\\${name}.chrome.json\ninstalled the native host ${name} for chrome; check it with "duplo-jit-bridge doctor"\n`,
    );
    expect(JSON.parse(readFileSync(`${dir}\\${name}.chrome.json`, 'utf8'))).toMatchObject({ path: `${dir}\\host-launcher.bat`, allowed_origins: [origin] });
    expect(readFileSync(`${dir}\\host-launcher.bat`, 'utf8')).toContain(`"${process.execPath}" "C:\\tools\\duplo-jit-bridge.cjs" host %*\r\n`);

    registry.calls.length = 0;
    const out = testIo({ ...io, runReg: registry.runReg });
    expect(await uninstallCommand([], out)).toBe(0);
    expect(registry.calls.filter(([verb]) => verb !== 'query')).toEqual([['delete', key, '/f']]);
    expect(registry.keys.size).toBe(0);
    expect(readdirSync('.').sort()).toEqual([`${local}\\Google\\Chrome\\User Data`, 'C:\\tools\\duplo-jit-bridge.cjs']);
  });

  it('says what reg.exe reported when it fails', async () => {
    process.chdir(mkdtempSync(join(tmpdir(), 'duplo-jit-win-')));
    const runReg = async () => ({ code: 1, stdout: '', stderr: 'ERROR: Access is denied.\r\n' });
    const io = testIo({ platform: 'win32', homedir: 'C:\\Users\\ann', env: {}, runReg });
    expect(await installCommand(['--system', '--browser', 'edge'], io)).toBe(1);
    expect(io.err()).toBe(
      `duplo-jit-bridge: reg.exe could not set HKLM\\Software\\Microsoft\\Edge\\NativeMessagingHosts\\${name} (ERROR: Access is denied.); --system needs a command prompt run as administrator\n`,
    );
  });
});
