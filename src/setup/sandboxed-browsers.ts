import { stat } from 'node:fs/promises';
import type { Browser } from './native-host-locations';
import { platformPath } from './platform-path';

/** A Snap or Flatpak build of a browser that has run for this user. */
export interface SandboxedBuild {
  readonly browser: Browser;
  readonly kind: 'Snap' | 'Flatpak';
  /** The build's data folder in the home folder: proof that it has run here. */
  readonly dataDir: string;
}

// The store names of each browser's sandboxed builds; a browser missing here has none.
const snapNames: Partial<Record<Browser, string>> = { firefox: 'firefox', chromium: 'chromium', brave: 'brave', vivaldi: 'vivaldi' };
const flatpakIds: Record<Browser, string> = {
  firefox: 'org.mozilla.firefox',
  chromium: 'org.chromium.Chromium',
  chrome: 'com.google.Chrome',
  edge: 'com.microsoft.Edge',
  brave: 'com.brave.Browser',
  vivaldi: 'com.vivaldi.Vivaldi',
};

const isDirectory = (path: string): Promise<boolean> => stat(path).then((info) => info.isDirectory(), () => false);

/**
 * The sandboxed builds among `browsers` that have run for this user, found by the data folder
 * each makes on its first run (`~/snap/NAME`, `~/.var/app/ID`). Such a browser reads its own
 * copy of the host manifest folders and cannot start a program of the host system, so the
 * bridge cannot reach it however the host is installed.
 */
export async function sandboxedBuilds(platform: NodeJS.Platform, homedir: string, browsers: readonly Browser[]): Promise<SandboxedBuild[]> {
  if (platform !== 'linux') return [];
  const { join } = platformPath(platform);
  const candidates = browsers.flatMap((browser): SandboxedBuild[] => {
    const snap = snapNames[browser];
    return [
      ...(snap === undefined ? [] : [{ browser, kind: 'Snap' as const, dataDir: join(homedir, 'snap', snap) }]),
      { browser, kind: 'Flatpak' as const, dataDir: join(homedir, '.var', 'app', flatpakIds[browser]) },
    ];
  });
  const found = await Promise.all(candidates.map((build) => isDirectory(build.dataDir)));
  return candidates.filter((_, index) => found[index]);
}

/** What a sandboxed build can do about native hosts, as measured by others (see the closing note of issue 15). */
function advice(build: SandboxedBuild): string {
  const ours = 'use the browser from its vendor or your distribution\'s .deb/.rpm packages instead, then run "duplo-jit-bridge install"';
  if (build.browser === 'firefox' && build.kind === 'Snap') {
    return `Firefox's Snap starts native hosts only through the desktop's WebExtensions portal (Ubuntu 22.04 and later), which asks once whether Firefox may start it; where that portal is missing, ${ours}`;
  }
  if (build.browser === 'firefox') {
    return `Firefox's Flatpak starts native hosts only from Firefox 157 on, with xdg-native-messaging-proxy running; otherwise ${ours}`;
  }
  return `a sandboxed ${build.browser} cannot start native messaging hosts, so the bridge cannot reach it; ${ours}`;
}

/** Doctor's words for each sandboxed build found: a warning, since a normal build may be installed beside it. */
export async function sandboxWarnings(platform: NodeJS.Platform, homedir: string, browsers: readonly Browser[]): Promise<{ line: string; advice: string }[]> {
  const builds = await sandboxedBuilds(platform, homedir, browsers);
  return builds.map((build) => ({ line: `${build.browser}: a ${build.kind} build has run here (${build.dataDir})`, advice: advice(build) }));
}
