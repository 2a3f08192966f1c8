import { stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { hostManifestText } from './host-manifest';
import { launcherScript } from './launcher';
import { nativeHostName } from '../bridge/native-host-name';
import { platformPath } from './platform-path';
import { setRegistryDefault } from './registry';
import { runSetupCommand } from './setup-command-errors';
import { SetupError } from './setup-error';
import { writeSetupFile } from './setup-files';
import { parseSetupFlags, setupFlagsText } from './setup-flags';
import { requireRootOnlyPath } from './system-path-trust';
import type { SetupIo } from './setup-io';
import { chosenTargets, launcherFor, noBrowserFound } from './setup-targets';

export const installUsage = `Usage: duplo-jit-bridge install [--browser NAME] [--system | --profile-dir DIR] [--extension-id IDS]

Registers the native messaging host, so that the browser extension can start it and local
programs (duplo-jit-bridge aws) can reach the browser. Writes a small launcher that runs this
program (with this node, unless it is the single executable), and a host manifest per browser
(on Windows, plus a registry key).

Options:
  --browser NAME     chrome, chromium, edge, brave, vivaldi, firefox, or all (the default:
                     every browser that has run for this user; with --system, every browser)
  --system           for all users, where policy allows only system-level hosts (run as root
                     or as an administrator); node and this program must be root's alone:
                     owned by root, with no group- or world-writable folder up to /
  --profile-dir DIR  only the Chromium-family browser started with --user-data-dir=DIR; the
                     launcher goes inside DIR too
  --extension-id IDS also allow these extension IDs, comma-separated: a Chromium build
                     with another ID (32 letters a-p, as chrome://extensions shows it) or a
                     Firefox add-on ID (name@domain or {UUID}); the extension's own IDs are
                     always allowed
  -h, --help         this help

"duplo-jit-bridge uninstall" with the same options removes what this wrote.
`;

async function requireFile(platform: NodeJS.Platform, path: string, what: string, fix: string): Promise<void> {
  if (!platformPath(platform).isAbsolute(path)) throw new SetupError(`${what} "${path}" is not an absolute path; ${fix}`);
  const isFile = await stat(path).then((info) => info.isFile(), () => false);
  if (!isFile) throw new SetupError(`${what} ${path} does not exist; ${fix}`);
}

/** `install`: writes the launcher and the host manifests, printing each path it wrote. */
export function installCommand(argv: readonly string[], io: SetupIo): Promise<number> {
  return runSetupCommand('install', io, async () => {
    const flags = parseSetupFlags(argv, io.platform);
    if (flags === 'help') {
      io.stdout(installUsage);
      return 0;
    }
    const bundle = io.bundlePath;
    if (bundle === undefined) {
      await requireFile(io.platform, io.execPath, 'the duplo-jit-bridge program', 'reinstall it');
    } else {
      await requireFile(io.platform, io.execPath, 'node', 'run duplo-jit-bridge with an installed Node.js 20.19 or newer');
      await requireFile(io.platform, bundle, 'the duplo-jit-bridge program', 'reinstall it, or run "npm run build" in its source folder');
      if (/\.[cm]?ts$/.test(bundle)) {
        throw new SetupError(`install must run from the built program, not from ${bundle}: the browser runs plain node; run "npm run build", then dist/node/duplo-jit-bridge.cjs install`);
      }
    }
    if (flags.system && io.platform !== 'win32') {
      // Every user's browser runs these files: someone other than root able to change them could run code as those users.
      await requireRootOnlyPath(io.execPath, bundle === undefined ? 'the duplo-jit-bridge program' : 'node');
      if (bundle !== undefined) {
        await requireRootOnlyPath(bundle, 'the duplo-jit-bridge program');
        // The host's code is in the file beside the program, which it loads.
        const beside = join(dirname(bundle), 'duplo-jit-bridge-commands.cjs');
        if (await stat(beside).then(() => true, () => false)) await requireRootOnlyPath(beside, 'the duplo-jit-bridge program');
      }
    }
    const targets = await chosenTargets(flags, io);
    if (targets.length === 0) throw new SetupError(`${noBrowserFound}; name one with --browser NAME to install for it anyway`);

    const launcher = launcherFor(flags, io);
    await writeSetupFile(io.platform, launcher, launcherScript(io.platform, bundle === undefined ? { executable: io.execPath } : { node: io.execPath, bundle }), 0o755);
    io.stdout(`wrote launcher ${launcher}\n`);
    for (const target of targets) {
      const manifestPath = target.kind === 'file' ? target.path : target.manifestPath;
      await writeSetupFile(io.platform, manifestPath, hostManifestText(target.browser, launcher, flags.extensionIds), 0o644);
      io.stdout(`wrote ${target.browser} host manifest ${manifestPath}\n`);
      if (target.kind === 'registry') {
        await setRegistryDefault(io, target.key, target.manifestPath);
        io.stdout(`set registry key ${target.key} to ${target.manifestPath}\n`);
      }
    }
    const names = [...new Set(targets.map((target) => target.browser))].join(', ');
    io.stdout(`installed the native host ${nativeHostName} for ${names}; check it with "duplo-jit-bridge doctor${setupFlagsText(flags)}"\n`);
    return 0;
  });
}
