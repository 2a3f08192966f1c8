import { readFile, rm } from 'node:fs/promises';
import { isOurs, readHostManifest } from './host-manifest';
import { parseLauncher } from './launcher';
import type { HostManifestTarget } from './native-host-locations';
import { nativeHostName } from '../bridge/native-host-name';
import { platformPath } from './platform-path';
import { deleteRegistryKey, readRegistryDefault } from './registry';
import { runSetupCommand } from './setup-command-errors';
import { removeFolderIfEmpty } from './setup-files';
import { parseSetupFlags, type SetupFlags } from './setup-flags';
import type { SetupIo } from './setup-io';
import { launcherFor, possibleTargets } from './setup-targets';

export const uninstallUsage = `Usage: duplo-jit-bridge uninstall [--browser NAME] [--system | --profile-dir DIR]

Removes what "duplo-jit-bridge install" wrote: the host manifests that name ${nativeHostName}
(and on Windows their registry keys), then the launcher once no manifest points at it.

Options:
  --browser NAME     chrome, chromium, edge, brave, vivaldi, firefox, or all (the default)
  --system           the system-wide installation (run as root or as an administrator)
  --profile-dir DIR  the installation in the browser user data directory DIR
  -h, --help         this help
`;

const manifestFile = (target: HostManifestTarget): string => (target.kind === 'file' ? target.path : target.manifestPath);

/** Removes one target's manifest (and key), only where it is ours; returns what it removed. */
async function removeTarget(io: SetupIo, target: HostManifestTarget): Promise<string[]> {
  const removed: string[] = [];
  if (target.kind === 'registry') {
    const value = await readRegistryDefault(io, target.key);
    if (value !== undefined && (value === target.manifestPath || isOurs(await readHostManifest(value)))) {
      await deleteRegistryKey(io, target.key);
      removed.push(`registry key ${target.key}`);
    }
  }
  const path = manifestFile(target);
  const reading = await readHostManifest(path);
  if (isOurs(reading)) {
    await rm(path);
    removed.push(`${target.browser} host manifest ${path}`);
  } else if (reading.state !== 'missing') {
    io.stderr(`duplo-jit-bridge: kept ${path}: it is not a ${nativeHostName} host manifest\n`);
  }
  return removed;
}

/** Removes the launcher unless a manifest of this level (any browser) still runs it. */
async function removeLauncher(io: SetupIo, flags: SetupFlags): Promise<string[]> {
  const launcher = launcherFor(flags, io);
  const text = await readFile(launcher, 'utf8').catch(() => undefined);
  if (text === undefined || !parseLauncher(io.platform, text)) return [];
  for (const target of possibleTargets({ ...flags, browser: 'all' }, io)) {
    const reading = await readHostManifest(manifestFile(target));
    if (isOurs(reading) && reading.manifest.path === launcher) return [];
  }
  await rm(launcher);
  const folder = platformPath(io.platform).dirname(launcher);
  return [`launcher ${launcher}`, ...((await removeFolderIfEmpty(folder)) ? [`folder ${folder}`] : [])];
}

/** `uninstall`: removes exactly what install wrote, printing each; finding nothing is no error. */
export function uninstallCommand(argv: readonly string[], io: SetupIo): Promise<number> {
  return runSetupCommand('uninstall', io, async () => {
    const flags = parseSetupFlags(argv, io.platform);
    if (flags === 'help') {
      io.stdout(uninstallUsage);
      return 0;
    }
    const removed: string[] = [];
    for (const target of possibleTargets(flags, io)) removed.push(...(await removeTarget(io, target)));
    removed.push(...(await removeLauncher(io, flags)));
    for (const line of removed) io.stdout(`removed ${line}\n`);
    const which = flags.browser === 'all' ? '' : ` for ${flags.browser}`;
    const level = flags.profileDir !== undefined ? ` in ${flags.profileDir}` : flags.system ? ' at system level' : '';
    io.stdout(removed.length === 0 ? `nothing to remove: no ${nativeHostName} native host is installed${which}${level}\n` : `uninstalled the native host ${nativeHostName}${which}${level}\n`);
    return 0;
  });
}
