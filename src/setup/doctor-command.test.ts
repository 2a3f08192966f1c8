import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { doctorCommand } from './doctor-command';
import { installCommand } from './install-command';
import { fakeRegistry, testIo } from './setup-io.test-support';

const name = 'com.duplocloud.jit_bridge';
const node = process.versions.node;
const noSocket = (dir: string) => ({ socketPath: join(dir, 'no.sock'), nodeVersion: node });
const socketLines = (path: string) =>
  `✗ host socket ${path} is not reachable: no browser is running with the extension connected\n    fix: start the browser that has the DuploCloud JIT extension; the extension starts the host when it connects\n`;

describe('doctor', () => {
  it('passes every link of a good install but the socket, when no host runs', async () => {
    const io = testIo();
    await installCommand(['--browser', 'chromium'], io);
    const doctor = testIo({ homedir: io.home });
    expect(await doctorCommand(['--browser', 'chromium'], doctor, noSocket(io.home))).toBe(1);
    const launcher = join(io.home, '.local/share/duplo-jit-bridge/host-launcher.sh');
    expect(doctor.out()).toBe(
      `✓ node ${node} (${process.execPath})\n` +
        `✓ launcher ${launcher} runs node ${node} (${process.execPath}) with ${io.bundle}\n` +
        `✓ chromium: host manifest ${join(io.home, `.config/chromium/NativeMessagingHosts/${name}.json`)}\n` +
        socketLines(join(io.home, 'no.sock')) +
        '1 of 4 links are broken\n',
    );
  });

  it('passes everything once the host listens on its socket', async () => {
    const io = testIo();
    const profile = join(io.home, 'profile');
    await installCommand(['--profile-dir', profile], io);
    const socketPath = join(mkdtempSync(join(tmpdir(), 'djb-')), 's.sock');
    const server = createServer((socket) => socket.end());
    await new Promise<void>((resolve) => server.listen(socketPath, resolve));
    try {
      const doctor = testIo({ homedir: io.home });
      expect(await doctorCommand(['--profile-dir', profile], doctor, { socketPath, nodeVersion: node })).toBe(0);
      expect(doctor.out()).toContain(`✓ chromium: host manifest ${join(profile, `NativeMessagingHosts/${name}.json`)}\n`);
      expect(doctor.out()).toContain(`✓ host socket ${socketPath} accepts connections: the browser has the extension connected\nall links hold\n`);
    } finally {
      server.close();
    }
  });

  it('names a manifest that admits another extension, with the command that fixes it', async () => {
    const io = testIo();
    await installCommand(['--browser', 'chrome'], io);
    const manifest = join(io.home, `.config/google-chrome/NativeMessagingHosts/${name}.json`);
    const launcher = join(io.home, '.local/share/duplo-jit-bridge/host-launcher.sh');
    writeFileSync(manifest, JSON.stringify({ name, path: launcher, type: 'stdio', allowed_origins: ['chrome-extension://someoneelse/'] }));
    const doctor = testIo({ homedir: io.home });
    expect(await doctorCommand([], doctor, { ...noSocket(io.home), socketAccepts: async () => true })).toBe(1);
    expect(doctor.out()).toContain(
      `✗ chrome: host manifest ${manifest} does not allow the extension chrome-extension://afldkjilgapibonkcpebooaminnkidfk/ (allowed_origins: ["chrome-extension://someoneelse/"])\n    fix: duplo-jit-bridge install --browser chrome\n`,
    );
    expect(doctor.out()).toMatch(/1 of 4 links are broken\n$/);
  });

  it('names a missing launcher and manifest, an old node, and a launcher whose bundle is gone', async () => {
    const io = testIo();
    mkdirSync(join(io.home, '.config/vivaldi'), { recursive: true });
    const bare = testIo({ homedir: io.home });
    expect(await doctorCommand([], bare, { ...noSocket(io.home), nodeVersion: '18.20.1' })).toBe(1);
    expect(bare.out()).toBe(
      `✗ node 18.20.1 (${process.execPath}) is older than 20.19\n    fix: install Node.js 20.19 or newer, then run "duplo-jit-bridge install" with it\n` +
        `✗ launcher ${join(io.home, '.local/share/duplo-jit-bridge/host-launcher.sh')} is missing\n    fix: duplo-jit-bridge install\n` +
        `✗ vivaldi: host manifest ${join(io.home, `.config/vivaldi/NativeMessagingHosts/${name}.json`)} is missing\n    fix: duplo-jit-bridge install --browser vivaldi\n` +
        socketLines(join(io.home, 'no.sock')) +
        '4 of 4 links are broken\n',
    );
    await installCommand([], io);
    const launcher = join(io.home, '.local/share/duplo-jit-bridge/host-launcher.sh');
    chmodSync(launcher, 0o644);
    const noExec = testIo({ homedir: io.home });
    await doctorCommand([], noExec, noSocket(io.home));
    expect(noExec.out()).toContain(`✗ launcher ${launcher} is not executable\n    fix: duplo-jit-bridge install\n`);
    chmodSync(launcher, 0o755);
    rmSync(io.bundle);
    const gone = testIo({ homedir: io.home });
    await doctorCommand([], gone, noSocket(io.home));
    expect(gone.out()).toContain(`✗ launcher ${launcher} runs ${io.bundle}, which no longer exists\n    fix: duplo-jit-bridge install\n`);
  });

  it('says when no browser has run here, and asks for sudo to fix a system install', async () => {
    const io = testIo();
    expect(await doctorCommand([], io, noSocket(io.home))).toBe(1);
    expect(io.out()).toContain(
      '✗ found no browser that has run for this user (no Chrome, Chromium, Edge, Brave, Vivaldi or Firefox data folder)\n    fix: duplo-jit-bridge install --browser NAME\n',
    );
    const system = testIo();
    await doctorCommand(['--system', '--browser', 'edge'], system, noSocket(system.home));
    expect(system.out()).toContain('✗ launcher /usr/local/lib/duplo-jit-bridge/host-launcher.sh is missing\n    fix: sudo duplo-jit-bridge install --browser edge --system\n');
  });
});

describe('doctor, with extra extension IDs and sandboxed browsers', () => {
  const chromiumId = 'abcdefghijklmnopabcdefghijklmnop';
  const firefoxId = 'jit@example.com';

  it('names a manifest that lacks an --extension-id, and fixes each with the IDs of its kind only', async () => {
    const io = testIo();
    mkdirSync(join(io.home, '.config/google-chrome'), { recursive: true });
    mkdirSync(join(io.home, '.mozilla'));
    await installCommand([], io);
    const doctor = testIo({ homedir: io.home });
    expect(await doctorCommand(['--extension-id', `${chromiumId},${firefoxId}`], doctor, { ...noSocket(io.home), socketAccepts: async () => true })).toBe(1);
    const chrome = join(io.home, `.config/google-chrome/NativeMessagingHosts/${name}.json`);
    const firefox = join(io.home, `.mozilla/native-messaging-hosts/${name}.json`);
    expect(doctor.out()).toContain(
      `✗ chrome: host manifest ${chrome} does not allow the extension chrome-extension://${chromiumId}/ (allowed_origins: ["chrome-extension://afldkjilgapibonkcpebooaminnkidfk/"])\n` +
        `    fix: duplo-jit-bridge install --browser chrome --extension-id ${chromiumId}\n` +
        `✗ firefox: host manifest ${firefox} does not allow the add-on ${firefoxId} (allowed_extensions)\n` +
        `    fix: duplo-jit-bridge install --browser firefox --extension-id ${firefoxId}\n`,
    );
    await installCommand(['--extension-id', `${chromiumId},${firefoxId}`], testIo({ homedir: io.home }));
    const again = testIo({ homedir: io.home });
    expect(await doctorCommand(['--extension-id', `${chromiumId},${firefoxId}`], again, { ...noSocket(io.home), socketAccepts: async () => true })).toBe(0);
  });

  it('warns of Snap and Flatpak builds that have run here, without counting them as broken links', async () => {
    const io = testIo();
    await installCommand(['--browser', 'firefox'], io);
    mkdirSync(join(io.home, 'snap/firefox/common'), { recursive: true });
    mkdirSync(join(io.home, '.var/app/org.chromium.Chromium'), { recursive: true });
    const doctor = testIo({ homedir: io.home });
    expect(await doctorCommand([], doctor, { ...noSocket(io.home), socketAccepts: async () => true })).toBe(0);
    const ours = 'use the browser from its vendor or your distribution\'s .deb/.rpm packages instead, then run "duplo-jit-bridge install"';
    expect(doctor.out()).toMatch(/accepts connections: the browser has the extension connected\n! chromium/);
    const warnings =
      `! chromium: a Flatpak build has run here (${join(io.home, '.var/app/org.chromium.Chromium')})\n` +
        `    a sandboxed chromium cannot start native messaging hosts, so the bridge cannot reach it; ${ours}\n` +
        `! firefox: a Snap build has run here (${join(io.home, 'snap/firefox')})\n` +
        `    Firefox's Snap starts native hosts only through the desktop's WebExtensions portal (Ubuntu 22.04 and later), which asks once whether Firefox may start it; where that portal is missing, ${ours}\n` +
        'all links hold\n';
    expect(doctor.out().slice(-warnings.length)).toBe(warnings);
  });
});

describe('doctor on Windows', () => {
  const startDir = process.cwd();
  afterEach(() => process.chdir(startDir));

  it('follows the registry key to the manifest', async () => {
    process.chdir(mkdtempSync(join(tmpdir(), 'duplo-jit-win-')));
    writeFileSync('C:\\tools\\duplo-jit-bridge.cjs', '');
    const registry = fakeRegistry();
    const env = { LOCALAPPDATA: 'C:\\Users\\ann\\AppData\\Local' };
    const io = testIo({ platform: 'win32', homedir: 'C:\\Users\\ann', env, bundlePath: 'C:\\tools\\duplo-jit-bridge.cjs', runReg: registry.runReg });
    const key = `HKCU\\Software\\Microsoft\\Edge\\NativeMessagingHosts\\${name}`;
    const missing = testIo({ ...io, runReg: registry.runReg });
    await doctorCommand(['--browser', 'edge'], missing, noSocket('.'));
    expect(missing.out()).toContain(`✗ edge: registry key ${key} is missing\n    fix: duplo-jit-bridge install --browser edge\n`);
    await installCommand(['--browser', 'edge'], io);
    const good = testIo({ ...io, runReg: registry.runReg });
    await doctorCommand(['--browser', 'edge'], good, noSocket('.'));
    expect(good.out()).toContain(`✓ edge: host manifest ${env.LOCALAPPDATA}\\duplo-jit-bridge\\${name}.edge.json\n`);
    expect(registry.calls.at(-1)).toEqual(['query', key, '/ve']);
  });
});
