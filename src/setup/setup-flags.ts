import { resolve } from 'node:path';
import { isChromiumExtensionId, isFirefoxExtensionId } from '../bridge/extension-id';
import { browsers, type Browser } from './native-host-locations';
import { parseFlagValues } from '../flags/parse-flags';
import { UsageError } from '../flags/usage-error';

/** The flags install, uninstall and doctor share: which browsers, and at which level. */
export interface SetupFlags {
  readonly browser: Browser | 'all';
  readonly system: boolean;
  readonly profileDir?: string;
  /** IDs the host manifests allow beyond the extension's own (`--extension-id`). */
  readonly extensionIds?: readonly string[];
}

const options = {
  browser: { type: 'string' },
  system: { type: 'boolean' },
  'profile-dir': { type: 'string' },
  'extension-id': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const isBrowser = (name: string): name is Browser | 'all' => name === 'all' || (browsers as readonly string[]).includes(name);

/** The comma-separated `--extension-id` list, each ID checked against the browsers it is for. */
function extensionIds(given: string | undefined, browser: Browser | 'all'): { extensionIds?: readonly string[] } {
  if (given === undefined) return {};
  const ids = given.split(',').map((id) => id.trim()).filter((id) => id !== '');
  if (ids.length === 0) throw new UsageError('--extension-id needs one or more IDs, comma-separated, e.g. --extension-id abcdefghijklmnopabcdefghijklmnop');
  for (const id of ids) {
    const chromium = isChromiumExtensionId(id);
    if (!chromium && !isFirefoxExtensionId(id)) {
      throw new UsageError(`--extension-id "${id}" is neither a Chromium extension ID (32 letters a-p, as chrome://extensions shows it) nor a Firefox add-on ID (name@domain or {UUID})`);
    }
    if (chromium && browser === 'firefox') throw new UsageError(`--extension-id "${id}" is a Chromium extension ID, but --browser firefox takes Firefox add-on IDs (name@domain or {UUID})`);
    if (!chromium && browser !== 'firefox' && browser !== 'all') throw new UsageError(`--extension-id "${id}" is a Firefox add-on ID, but --browser ${browser} takes Chromium extension IDs (32 letters a-p)`);
  }
  return { extensionIds: ids };
}

/** Parses the shared flags; throws UsageError naming what is wrong and how to write it. */
export function parseSetupFlags(argv: readonly string[], platform: NodeJS.Platform): SetupFlags | 'help' {
  const values = parseFlagValues(argv, options);
  if (values.help) return 'help';
  const browser = values.browser ?? 'all';
  if (!isBrowser(browser)) throw new UsageError(`--browser must be one of ${browsers.join(', ')} or all, not "${browser}"`);
  const system = values.system ?? false;
  const given = values['profile-dir'];
  const ids = extensionIds(values['extension-id'], browser);
  if (given === undefined) return { browser, system, ...ids };
  if (given.trim() === '') throw new UsageError('--profile-dir needs the browser\'s user data directory, e.g. --profile-dir /tmp/chromium-profile');
  if (system) throw new UsageError('--profile-dir and --system exclude each other: a profile directory belongs to one user');
  if (browser === 'firefox') throw new UsageError('--profile-dir is a Chromium-family user data directory; it does not work with --browser firefox');
  if (platform === 'win32') throw new UsageError('--profile-dir works on Linux and macOS only; Windows browsers find the host through the registry, so drop --profile-dir');
  return { browser, system, profileDir: resolve(given), ...ids };
}

/** The flags narrowed to one browser: doctor's fix for that browser's manifest, with only the IDs of its kind. */
export function flagsForBrowser(flags: SetupFlags, browser: Browser): SetupFlags {
  const { extensionIds: given, ...rest } = flags;
  const ids = given?.filter(browser === 'firefox' ? isFirefoxExtensionId : isChromiumExtensionId) ?? [];
  return { ...rest, browser, ...(ids.length > 0 ? { extensionIds: ids } : {}) };
}

/** The flags again, as a user would type them: for the fix commands doctor prints. */
export function setupFlagsText(flags: SetupFlags): string {
  const quote = (text: string): string => (/^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replaceAll("'", `'\\''`)}'`);
  return [
    flags.browser === 'all' ? '' : ` --browser ${flags.browser}`,
    flags.system ? ' --system' : '',
    flags.profileDir === undefined ? '' : ` --profile-dir ${quote(flags.profileDir)}`,
    flags.extensionIds === undefined ? '' : ` --extension-id ${quote(flags.extensionIds.join(','))}`,
  ].join('');
}
