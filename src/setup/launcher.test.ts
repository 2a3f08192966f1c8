import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { launcherPath, launcherScript, parseLauncher } from './launcher';

describe('launcherPath', () => {
  const base = { platform: 'linux', system: false, homedir: '/home/ann', env: {} } as const;
  it('puts the launcher in the user data folder of each platform', () => {
    expect(launcherPath(base)).toBe('/home/ann/.local/share/duplo-jit-bridge/host-launcher.sh');
    expect(launcherPath({ ...base, env: { XDG_DATA_HOME: '/data' } })).toBe('/data/duplo-jit-bridge/host-launcher.sh');
    expect(launcherPath({ ...base, platform: 'darwin', homedir: '/Users/ann' })).toBe('/Users/ann/Library/Application Support/duplo-jit-bridge/host-launcher.sh');
    expect(launcherPath({ ...base, platform: 'win32', env: { LOCALAPPDATA: 'C:\\Users\\ann\\AppData\\Local' } })).toBe('C:\\Users\\ann\\AppData\\Local\\duplo-jit-bridge\\host-launcher.bat');
  });

  it('puts a system launcher where all users can run it, and a profile\'s inside the profile', () => {
    expect(launcherPath({ ...base, system: true })).toBe('/usr/local/lib/duplo-jit-bridge/host-launcher.sh');
    expect(launcherPath({ ...base, platform: 'darwin', system: true })).toBe('/usr/local/lib/duplo-jit-bridge/host-launcher.sh');
    expect(launcherPath({ ...base, platform: 'win32', system: true, env: { ProgramData: 'C:\\ProgramData' } })).toBe('C:\\ProgramData\\duplo-jit-bridge\\host-launcher.bat');
    expect(launcherPath({ ...base, profileDir: '/tmp/p' })).toBe('/tmp/p/duplo-jit-bridge/host-launcher.sh');
  });
});

describe('launcherScript', () => {
  it('writes a sh launcher that runs node by absolute path, and reads it back', () => {
    const script = launcherScript('linux', { node: '/opt/node/bin/node', bundle: "/home/o'neil/my tools/duplo-jit-bridge.cjs" });
    expect(script).toBe(
      `#!/bin/sh\n# Written by "duplo-jit-bridge install": the browser runs this as the native messaging host.\nexec '/opt/node/bin/node' '/home/o'\\''neil/my tools/duplo-jit-bridge.cjs' host "$@"\n`,
    );
    expect(parseLauncher('linux', script)).toEqual({ node: '/opt/node/bin/node', bundle: "/home/o'neil/my tools/duplo-jit-bridge.cjs" });
  });

  it('writes a batch launcher whose percent signs stay literal, and reads it back', () => {
    const script = launcherScript('win32', { node: 'C:\\Program Files\\nodejs\\node.exe', bundle: 'C:\\Users\\ann\\100%\\duplo-jit-bridge.cjs' });
    expect(script).toBe(
      '@echo off\r\nrem Written by "duplo-jit-bridge install": the browser runs this as the native messaging host.\r\n"C:\\Program Files\\nodejs\\node.exe" "C:\\Users\\ann\\100%%\\duplo-jit-bridge.cjs" host %*\r\n',
    );
    expect(parseLauncher('win32', script)).toEqual({ node: 'C:\\Program Files\\nodejs\\node.exe', bundle: 'C:\\Users\\ann\\100%\\duplo-jit-bridge.cjs' });
  });

  it('writes a launcher that runs the single executable alone, and reads it back', () => {
    const sh = launcherScript('linux', { executable: "/opt/o'neil/duplo-jit-bridge" });
    expect(sh).toBe(`#!/bin/sh\n# Written by "duplo-jit-bridge install": the browser runs this as the native messaging host.\nexec '/opt/o'\\''neil/duplo-jit-bridge' host "$@"\n`);
    expect(parseLauncher('linux', sh)).toEqual({ executable: "/opt/o'neil/duplo-jit-bridge" });
    const bat = launcherScript('win32', { executable: 'C:\\100%\\duplo-jit-bridge.exe' });
    expect(bat).toBe('@echo off\r\nrem Written by "duplo-jit-bridge install": the browser runs this as the native messaging host.\r\n"C:\\100%%\\duplo-jit-bridge.exe" host %*\r\n');
    expect(parseLauncher('win32', bat)).toEqual({ executable: 'C:\\100%\\duplo-jit-bridge.exe' });
  });

  it('does not read a file it did not write', () => {
    expect(parseLauncher('linux', '#!/bin/sh\nexec node host "$@"\n')).toBeUndefined();
  });

  it('runs for real with an empty PATH: the bundle gets "host" and the browser\'s arguments, whatever the paths hold', () => {
    const dir = mkdtempSync(join(tmpdir(), "duplo jit 'launcher' "));
    const bundle = join(dir, "it's a bundle $HOME `x`.mjs");
    writeFileSync(bundle, 'process.stdout.write(JSON.stringify(process.argv.slice(2)));\n');
    const launcher = join(dir, 'host-launcher.sh');
    writeFileSync(launcher, launcherScript('linux', { node: process.execPath, bundle }), { mode: 0o755 });
    const result = spawnSync('/bin/sh', [launcher, 'chrome-extension://abc/', 'two words'], { encoding: 'utf8', env: { PATH: '' } });
    expect(result).toMatchObject({ status: 0, stdout: JSON.stringify(['host', 'chrome-extension://abc/', 'two words']) });
  });
});
