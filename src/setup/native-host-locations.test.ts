import { describe, expect, it } from 'vitest';
import { hostManifestTargets, type TargetQuery } from './native-host-locations';

const json = 'com.duplocloud.jit_bridge.json';
const query = (overrides: Partial<TargetQuery>): TargetQuery => ({ browser: 'all', platform: 'linux', system: false, homedir: '/home/ann', env: {}, ...overrides });
const paths = (overrides: Partial<TargetQuery>) => hostManifestTargets(query(overrides)).map((target) => [target.browser, target.kind === 'file' ? target.path : target.key]);

describe('hostManifestTargets', () => {
  it('lists the Linux user folders, with each browser data folder to detect it by', () => {
    expect(hostManifestTargets(query({}))).toEqual([
      { browser: 'chrome', kind: 'file', path: `/home/ann/.config/google-chrome/NativeMessagingHosts/${json}`, browserDir: '/home/ann/.config/google-chrome' },
      { browser: 'chromium', kind: 'file', path: `/home/ann/.config/chromium/NativeMessagingHosts/${json}`, browserDir: '/home/ann/.config/chromium' },
      { browser: 'edge', kind: 'file', path: `/home/ann/.config/microsoft-edge/NativeMessagingHosts/${json}`, browserDir: '/home/ann/.config/microsoft-edge' },
      { browser: 'brave', kind: 'file', path: `/home/ann/.config/BraveSoftware/Brave-Browser/NativeMessagingHosts/${json}`, browserDir: '/home/ann/.config/BraveSoftware/Brave-Browser' },
      { browser: 'vivaldi', kind: 'file', path: `/home/ann/.config/vivaldi/NativeMessagingHosts/${json}`, browserDir: '/home/ann/.config/vivaldi' },
      { browser: 'firefox', kind: 'file', path: `/home/ann/.mozilla/native-messaging-hosts/${json}`, browserDir: '/home/ann/.mozilla' },
    ]);
  });

  it('follows $XDG_CONFIG_HOME for the Chromium family only', () => {
    expect(paths({ env: { XDG_CONFIG_HOME: '/cfg' } })).toEqual([
      ['chrome', `/cfg/google-chrome/NativeMessagingHosts/${json}`],
      ['chromium', `/cfg/chromium/NativeMessagingHosts/${json}`],
      ['edge', `/cfg/microsoft-edge/NativeMessagingHosts/${json}`],
      ['brave', `/cfg/BraveSoftware/Brave-Browser/NativeMessagingHosts/${json}`],
      ['vivaldi', `/cfg/vivaldi/NativeMessagingHosts/${json}`],
      ['firefox', `/home/ann/.mozilla/native-messaging-hosts/${json}`],
    ]);
  });

  it('lists the Linux system folders once each, though Brave and Vivaldi share Chrome\'s', () => {
    expect(hostManifestTargets(query({ system: true }))).toEqual([
      { browser: 'chrome', kind: 'file', path: `/etc/opt/chrome/native-messaging-hosts/${json}` },
      { browser: 'chromium', kind: 'file', path: `/etc/chromium/native-messaging-hosts/${json}` },
      { browser: 'edge', kind: 'file', path: `/etc/opt/edge/native-messaging-hosts/${json}` },
      { browser: 'vivaldi', kind: 'file', path: `/etc/opt/vivaldi/native-messaging-hosts/${json}` },
      { browser: 'firefox', kind: 'file', path: `/usr/lib/mozilla/native-messaging-hosts/${json}` },
    ]);
    expect(paths({ system: true, browser: 'brave' })).toEqual([['brave', `/etc/opt/chrome/native-messaging-hosts/${json}`]]);
  });

  it('lists the macOS user and system folders', () => {
    const support = '/Users/ann/Library/Application Support';
    expect(hostManifestTargets(query({ platform: 'darwin', homedir: '/Users/ann' }))).toEqual([
      { browser: 'chrome', kind: 'file', path: `${support}/Google/Chrome/NativeMessagingHosts/${json}`, browserDir: `${support}/Google/Chrome` },
      { browser: 'chromium', kind: 'file', path: `${support}/Chromium/NativeMessagingHosts/${json}`, browserDir: `${support}/Chromium` },
      { browser: 'edge', kind: 'file', path: `${support}/Microsoft Edge/NativeMessagingHosts/${json}`, browserDir: `${support}/Microsoft Edge` },
      { browser: 'brave', kind: 'file', path: `${support}/BraveSoftware/Brave-Browser/NativeMessagingHosts/${json}`, browserDir: `${support}/BraveSoftware/Brave-Browser` },
      { browser: 'vivaldi', kind: 'file', path: `${support}/Vivaldi/NativeMessagingHosts/${json}`, browserDir: `${support}/Vivaldi` },
      { browser: 'firefox', kind: 'file', path: `${support}/Mozilla/NativeMessagingHosts/${json}`, browserDir: `${support}/Firefox` },
    ]);
    expect(paths({ platform: 'darwin', system: true })).toEqual([
      ['chrome', `/Library/Google/Chrome/NativeMessagingHosts/${json}`],
      ['chromium', `/Library/Application Support/Chromium/NativeMessagingHosts/${json}`],
      ['edge', `/Library/Microsoft/Edge/NativeMessagingHosts/${json}`],
      ['vivaldi', `/Library/Application Support/Vivaldi/NativeMessagingHosts/${json}`],
      ['firefox', `/Library/Application Support/Mozilla/NativeMessagingHosts/${json}`],
    ]);
  });

  it('lists the Windows HKCU keys, each pointing at a manifest in %LOCALAPPDATA%', () => {
    const env = { LOCALAPPDATA: 'C:\\Users\\ann\\AppData\\Local', APPDATA: 'C:\\Users\\ann\\AppData\\Roaming' };
    const dir = 'C:\\Users\\ann\\AppData\\Local\\duplo-jit-bridge';
    const targets = hostManifestTargets(query({ platform: 'win32', homedir: 'C:\\Users\\ann', env }));
    expect(targets).toEqual([
      { browser: 'chrome', kind: 'registry', key: 'HKCU\\Software\\Google\\Chrome\\NativeMessagingHosts\\com.duplocloud.jit_bridge', manifestPath: `${dir}\\com.duplocloud.jit_bridge.chrome.json`, browserDir: `${env.LOCALAPPDATA}\\Google\\Chrome\\User Data` },
      { browser: 'chromium', kind: 'registry', key: 'HKCU\\Software\\Chromium\\NativeMessagingHosts\\com.duplocloud.jit_bridge', manifestPath: `${dir}\\com.duplocloud.jit_bridge.chromium.json`, browserDir: `${env.LOCALAPPDATA}\\Chromium\\User Data` },
      { browser: 'edge', kind: 'registry', key: 'HKCU\\Software\\Microsoft\\Edge\\NativeMessagingHosts\\com.duplocloud.jit_bridge', manifestPath: `${dir}\\com.duplocloud.jit_bridge.edge.json`, browserDir: `${env.LOCALAPPDATA}\\Microsoft\\Edge\\User Data` },
      { browser: 'brave', kind: 'registry', key: 'HKCU\\Software\\BraveSoftware\\Brave-Browser\\NativeMessagingHosts\\com.duplocloud.jit_bridge', manifestPath: `${dir}\\com.duplocloud.jit_bridge.brave.json`, browserDir: `${env.LOCALAPPDATA}\\BraveSoftware\\Brave-Browser\\User Data` },
      { browser: 'vivaldi', kind: 'registry', key: 'HKCU\\Software\\Vivaldi\\NativeMessagingHosts\\com.duplocloud.jit_bridge', manifestPath: `${dir}\\com.duplocloud.jit_bridge.vivaldi.json`, browserDir: `${env.LOCALAPPDATA}\\Vivaldi\\User Data` },
      { browser: 'firefox', kind: 'registry', key: 'HKCU\\Software\\Mozilla\\NativeMessagingHosts\\com.duplocloud.jit_bridge', manifestPath: `${dir}\\com.duplocloud.jit_bridge.firefox.json`, browserDir: `${env.APPDATA}\\Mozilla\\Firefox` },
    ]);
  });

  it('uses HKLM and %ProgramData% with --system on Windows, and the home folder when %LOCALAPPDATA% is unset', () => {
    expect(hostManifestTargets(query({ platform: 'win32', system: true, browser: 'edge', env: { ProgramData: 'D:\\ProgramData' } }))).toEqual([
      { browser: 'edge', kind: 'registry', key: 'HKLM\\Software\\Microsoft\\Edge\\NativeMessagingHosts\\com.duplocloud.jit_bridge', manifestPath: 'D:\\ProgramData\\duplo-jit-bridge\\com.duplocloud.jit_bridge.edge.json' },
    ]);
    const [chrome] = hostManifestTargets(query({ platform: 'win32', browser: 'chrome', homedir: 'C:\\Users\\bo' }));
    expect(chrome).toMatchObject({ manifestPath: 'C:\\Users\\bo\\AppData\\Local\\duplo-jit-bridge\\com.duplocloud.jit_bridge.chrome.json' });
  });

  it('targets exactly <DIR>/NativeMessagingHosts with a profile directory', () => {
    expect(hostManifestTargets(query({ profileDir: '/tmp/profile one' }))).toEqual([{ browser: 'chromium', kind: 'file', path: `/tmp/profile one/NativeMessagingHosts/${json}` }]);
    expect(paths({ platform: 'darwin', browser: 'chrome', profileDir: '/p' })).toEqual([['chrome', `/p/NativeMessagingHosts/${json}`]]);
  });

  it('names an unsupported platform', () => {
    expect(() => hostManifestTargets(query({ platform: 'freebsd' }))).toThrow('freebsd is not supported: the native host installs on Linux, macOS and Windows');
  });
});
