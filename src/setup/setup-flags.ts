import { resolve } from 'node:path';
import { browsers, type Browser } from './native-host-locations';
import { parseFlagValues } from '../flags/parse-flags';
import { UsageError } from '../flags/usage-error';

/** The flags install, uninstall and doctor share: which browsers, and at which level. */
export interface SetupFlags {
  readonly browser: Browser | 'all';
  readonly system: boolean;
  readonly profileDir?: string;
}

const options = {
  browser: { type: 'string' },
  system: { type: 'boolean' },
  'profile-dir': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const isBrowser = (name: string): name is Browser | 'all' => name === 'all' || (browsers as readonly string[]).includes(name);

/** Parses the shared flags; throws UsageError naming what is wrong and how to write it. */
export function parseSetupFlags(argv: readonly string[], platform: NodeJS.Platform): SetupFlags | 'help' {
  const values = parseFlagValues(argv, options);
  if (values.help) return 'help';
  const browser = values.browser ?? 'all';
  if (!isBrowser(browser)) throw new UsageError(`--browser must be one of ${browsers.join(', ')} or all, not "${browser}"`);
  const system = values.system ?? false;
  const given = values['profile-dir'];
  if (given === undefined) return { browser, system };
  if (given.trim() === '') throw new UsageError('--profile-dir needs the browser\'s user data directory, e.g. --profile-dir /tmp/chromium-profile');
  if (system) throw new UsageError('--profile-dir and --system exclude each other: a profile directory belongs to one user');
  if (browser === 'firefox') throw new UsageError('--profile-dir is a Chromium-family user data directory; it does not work with --browser firefox');
  if (platform === 'win32') throw new UsageError('--profile-dir works on Linux and macOS only; Windows browsers find the host through the registry, so drop --profile-dir');
  return { browser, system, profileDir: resolve(given) };
}

/** The flags again, as a user would type them: for the fix commands doctor prints. */
export function setupFlagsText(flags: SetupFlags): string {
  const quote = (text: string): string => (/^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replaceAll("'", `'\\''`)}'`);
  return [flags.browser === 'all' ? '' : ` --browser ${flags.browser}`, flags.system ? ' --system' : '', flags.profileDir === undefined ? '' : ` --profile-dir ${quote(flags.profileDir)}`].join('');
}
