import { nativeHostName } from '../bridge/native-host-name';
import { windowsLocalAppData, type HomeQuery } from '../rendezvous/user-dirs';
import { platformPath } from './platform-path';
import { SetupError } from './setup-error';

export const browsers = ['chrome', 'chromium', 'edge', 'brave', 'vivaldi', 'firefox'] as const;
export type Browser = (typeof browsers)[number];

/**
 * Where one browser looks for the host manifest. `browserDir`, for user-level places, is the
 * browser's own data folder: it exists once the browser has run for this user.
 */
export type HostManifestTarget =
  | { readonly browser: Browser; readonly kind: 'file'; readonly path: string; readonly browserDir?: string }
  | { readonly browser: Browser; readonly kind: 'registry'; readonly key: string; readonly manifestPath: string; readonly browserDir?: string };

export interface TargetQuery extends HomeQuery {
  readonly browser: Browser | 'all';
  readonly platform: NodeJS.Platform;
  readonly system: boolean;
  /** One Chromium-family user data dir (`--user-data-dir`), which then reads `<dir>/NativeMessagingHosts`. */
  readonly profileDir?: string;
}

const fileName = `${nativeHostName}.json`;

/** The folders of Chromium's DIR_USER_NATIVE_MESSAGING (`<user data dir>/NativeMessagingHosts`) and DIR_NATIVE_MESSAGING. */
function unixDirs(browser: Browser, query: TargetQuery): { dirs: string[]; browserDir?: string } {
  const { join } = platformPath(query.platform);
  const home = query.homedir;
  if (query.platform === 'linux') {
    if (query.system) {
      return {
        dirs: {
          chrome: ['/etc/opt/chrome/native-messaging-hosts'],
          chromium: ['/etc/chromium/native-messaging-hosts'],
          edge: ['/etc/opt/edge/native-messaging-hosts'],
          // Brave builds read Chrome's system folder and have none of their own (traced by
          // others on Brave 1.96; not checked here).
          brave: ['/etc/opt/chrome/native-messaging-hosts'],
          // Unsure: a third-party trace of Vivaldi 8.2 saw it read only Chrome's folder, while
          // packagers (browserpass, gopass) use /etc/opt/vivaldi. Both are written.
          vivaldi: ['/etc/opt/chrome/native-messaging-hosts', '/etc/opt/vivaldi/native-messaging-hosts'],
          // Debian's path; Fedora's Firefox reads /usr/lib64/mozilla/native-messaging-hosts.
          firefox: ['/usr/lib/mozilla/native-messaging-hosts'],
        }[browser],
      };
    }
    if (browser === 'firefox') return { dirs: [join(home, '.mozilla', 'native-messaging-hosts')], browserDir: join(home, '.mozilla') };
    const config = query.env.XDG_CONFIG_HOME || join(home, '.config');
    const userData = join(config, { chrome: 'google-chrome', chromium: 'chromium', edge: 'microsoft-edge', brave: 'BraveSoftware/Brave-Browser', vivaldi: 'vivaldi' }[browser]);
    return { dirs: [join(userData, 'NativeMessagingHosts')], browserDir: userData };
  }
  if (query.system) {
    return {
      dirs: {
        chrome: ['/Library/Google/Chrome/NativeMessagingHosts'],
        chromium: ['/Library/Application Support/Chromium/NativeMessagingHosts'],
        edge: ['/Library/Microsoft/Edge/NativeMessagingHosts'],
        // Unverified for macOS: by analogy with their Linux builds, which read Chrome's system folder.
        brave: ['/Library/Google/Chrome/NativeMessagingHosts'],
        vivaldi: ['/Library/Google/Chrome/NativeMessagingHosts', '/Library/Application Support/Vivaldi/NativeMessagingHosts'],
        firefox: ['/Library/Application Support/Mozilla/NativeMessagingHosts'],
      }[browser],
    };
  }
  const support = join(home, 'Library', 'Application Support');
  if (browser === 'firefox') return { dirs: [join(support, 'Mozilla', 'NativeMessagingHosts')], browserDir: join(support, 'Firefox') };
  const userData = join(support, { chrome: 'Google/Chrome', chromium: 'Chromium', edge: 'Microsoft Edge', brave: 'BraveSoftware/Brave-Browser', vivaldi: 'Vivaldi' }[browser]);
  return { dirs: [join(userData, 'NativeMessagingHosts')], browserDir: userData };
}

/** The folder of the launcher and, on Windows, of the manifests the registry keys point at. */
export function windowsDataDir(query: Pick<TargetQuery, 'system' | 'homedir' | 'env'>): string {
  const { join } = platformPath('win32');
  if (query.system) return join(query.env.ProgramData || query.env.PROGRAMDATA || 'C:\\ProgramData', 'duplo-jit-bridge');
  return join(windowsLocalAppData(query), 'duplo-jit-bridge');
}

/** Windows browsers find a host through a registry key whose default value is the manifest's path. */
function windowsTarget(browser: Browser, query: TargetQuery): HostManifestTarget {
  const { join } = platformPath('win32');
  const vendor = { chrome: 'Google\\Chrome', chromium: 'Chromium', edge: 'Microsoft\\Edge', brave: 'BraveSoftware\\Brave-Browser', vivaldi: 'Vivaldi', firefox: 'Mozilla' }[browser];
  // Vivaldi's own key is what Bitwarden writes; not checked against a Vivaldi build.
  const key = `${query.system ? 'HKLM' : 'HKCU'}\\Software\\${vendor}\\NativeMessagingHosts\\${nativeHostName}`;
  const manifestPath = join(windowsDataDir(query), `${nativeHostName}.${browser}.json`);
  if (query.system) return { browser, kind: 'registry', key, manifestPath };
  const local = windowsLocalAppData(query);
  const roaming = query.env.APPDATA || join(query.homedir, 'AppData', 'Roaming');
  const browserDir = browser === 'firefox' ? join(roaming, 'Mozilla', 'Firefox') : join(local, vendor, 'User Data');
  return { browser, kind: 'registry', key, manifestPath, browserDir };
}

/**
 * Every place the host manifest goes for `query`: one browser or all of them, user or system
 * level, or one profile directory. Places shared by several browsers are listed once.
 */
export function hostManifestTargets(query: TargetQuery): HostManifestTarget[] {
  const { platform } = query;
  if (platform !== 'linux' && platform !== 'darwin' && platform !== 'win32') {
    throw new SetupError(`${platform} is not supported: the native host installs on Linux, macOS and Windows`);
  }
  if (query.profileDir !== undefined) {
    const browser = query.browser === 'all' ? 'chromium' : query.browser;
    return [{ browser, kind: 'file', path: platformPath(platform).join(query.profileDir, 'NativeMessagingHosts', fileName) }];
  }
  const chosen = query.browser === 'all' ? browsers : [query.browser];
  const targets = chosen.flatMap((browser): HostManifestTarget[] => {
    if (platform === 'win32') return [windowsTarget(browser, query)];
    const { dirs, browserDir } = unixDirs(browser, query);
    const { join } = platformPath(platform);
    return dirs.map((dir) => ({ browser, kind: 'file', path: join(dir, fileName), ...(browserDir ? { browserDir } : {}) }));
  });
  return targets.filter((target, index) => targets.findIndex((other) => targetId(other) === targetId(target)) === index);
}

/** A target's identity: two browsers reading one file or key share it. */
export function targetId(target: HostManifestTarget): string {
  return target.kind === 'file' ? target.path : target.key;
}
