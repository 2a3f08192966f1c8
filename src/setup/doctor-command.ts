import { checkLauncher, checkManifest, checkNode, checkSocket, type Check } from './doctor-checks';
import { runSetupCommand } from './setup-command-errors';
import { flagsForBrowser, parseSetupFlags, setupFlagsText, type SetupFlags } from './setup-flags';
import type { SetupIo } from './setup-io';
import { chosenTargets, launcherFor, noBrowserFound } from './setup-targets';
import { sandboxWarnings } from './sandboxed-browsers';
import { browsers } from './native-host-locations';
import { socketAccepts } from './socket-probe';

export const doctorUsage = `Usage: duplo-jit-bridge doctor [--browser NAME] [--system | --profile-dir DIR] [--extension-id IDS]

Checks each link between local programs and the browser: node, the launcher, the host manifest
of each browser (those that have run for this user, unless --browser names one), and the host's
socket. Prints ✓ or ✗ per link, with the command that fixes each ✗; exits 1 if any link is broken.
A "!" line warns of a Snap or Flatpak browser, whose sandbox keeps it from starting the host.

Options:
  --browser NAME     chrome, chromium, edge, brave, vivaldi, firefox, or all (the default)
  --system           check the system-wide installation
  --profile-dir DIR  check the installation in the browser user data directory DIR
  --extension-id IDS also check that the manifests allow these extension IDs
  -h, --help         this help
`;

/** What doctor looks at beyond the files: the host's socket, and the version of the node running it. */
export interface DoctorProbes {
  readonly socketPath: string;
  readonly nodeVersion: string;
  /** Defaults to a real connection attempt. */
  readonly socketAccepts?: (path: string) => Promise<boolean>;
}

function installCommandFor(io: SetupIo, flags: SetupFlags): string {
  const sudo = flags.system && io.platform !== 'win32' ? 'sudo ' : '';
  return `${sudo}duplo-jit-bridge install${setupFlagsText(flags)}`;
}

async function runChecks(io: SetupIo, flags: SetupFlags, probes: DoctorProbes): Promise<Check[]> {
  const launcher = launcherFor(flags, io);
  const checks = [checkNode(probes.nodeVersion, io.execPath), await checkLauncher(io, launcher, installCommandFor(io, flags))];
  const targets = await chosenTargets(flags, io);
  if (targets.length === 0) checks.push({ ok: false, line: noBrowserFound, fix: 'duplo-jit-bridge install --browser NAME' });
  for (const target of targets) {
    const fixFlags = flags.profileDir === undefined ? flagsForBrowser(flags, target.browser) : flags;
    checks.push(await checkManifest(io, target, launcher, installCommandFor(io, fixFlags), flags.extensionIds));
  }
  checks.push(await checkSocket(probes.socketPath, probes.socketAccepts ?? socketAccepts));
  if (flags.system || flags.profileDir !== undefined) return checks;
  const warnings = await sandboxWarnings(io.platform, io.homedir, flags.browser === 'all' ? browsers : [flags.browser]);
  return [...checks, ...warnings.map(({ line, advice }) => ({ ok: true, warning: true, line, fix: advice }))];
}

function lineOf(check: Check): string {
  if (check.warning) return `! ${check.line}\n    ${check.fix}\n`;
  return check.ok ? `✓ ${check.line}\n` : `✗ ${check.line}\n    fix: ${check.fix}\n`;
}

/** `doctor`: one ✓ or ✗ line per link, a fix under each ✗; exit 0 only when every link holds. */
export function doctorCommand(argv: readonly string[], io: SetupIo, probes: DoctorProbes): Promise<number> {
  return runSetupCommand('doctor', io, async () => {
    const flags = parseSetupFlags(argv, io.platform);
    if (flags === 'help') {
      io.stdout(doctorUsage);
      return 0;
    }
    const checks = await runChecks(io, flags, probes);
    for (const check of checks) io.stdout(lineOf(check));
    const links = checks.filter((check) => !check.warning);
    const broken = links.filter((check) => !check.ok).length;
    io.stdout(broken === 0 ? 'all links hold\n' : `${broken} of ${links.length} links are broken\n`);
    return broken === 0 ? 0 : 1;
  });
}
