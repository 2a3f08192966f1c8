import { stat } from 'node:fs/promises';
import { launcherPath } from './launcher';
import { hostManifestTargets, type HostManifestTarget, type TargetQuery } from './native-host-locations';
import type { SetupFlags } from './setup-flags';
import type { SetupIo } from './setup-io';

export function targetQuery(flags: SetupFlags, io: SetupIo): TargetQuery {
  return { browser: flags.browser, platform: io.platform, system: flags.system, homedir: io.homedir, env: io.env, ...(flags.profileDir === undefined ? {} : { profileDir: flags.profileDir }) };
}

export const launcherFor = (flags: SetupFlags, io: SetupIo): string => launcherPath(targetQuery(flags, io));

const isDirectory = (path: string): Promise<boolean> => stat(path).then((info) => info.isDirectory(), () => false);

/**
 * The places install writes and doctor checks. With `--browser all` at user level these are the
 * browsers that have run for this user (their data folder exists): creating folders for a browser
 * the user does not have would only clutter the home folder. Everything else is taken as asked.
 */
export async function chosenTargets(flags: SetupFlags, io: SetupIo): Promise<HostManifestTarget[]> {
  const targets = hostManifestTargets(targetQuery(flags, io));
  if (flags.browser !== 'all' || flags.system || flags.profileDir !== undefined) return targets;
  const present = await Promise.all(targets.map((target) => (target.browserDir === undefined ? true : isDirectory(target.browserDir))));
  return targets.filter((_, index) => present[index]);
}

/** Everywhere the host could have been installed at this level: uninstall looks in all of them. */
export const possibleTargets = (flags: SetupFlags, io: SetupIo): HostManifestTarget[] => hostManifestTargets(targetQuery(flags, io));

export const noBrowserFound = 'found no browser that has run for this user (no Chrome, Chromium, Edge, Brave, Vivaldi or Firefox data folder)';
