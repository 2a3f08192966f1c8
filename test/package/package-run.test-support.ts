import { execFile, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const root = resolve(import.meta.dirname, '../..');
export const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };

/**
 * Where the tests run as root (CI), packaging and installing run in a network namespace of their
 * own, with no network at all: "offline" is then a fact, not npm's promise. Elsewhere they run
 * as they are, and the test names say so.
 */
export const noNetwork = process.getuid?.() === 0 && spawnSync('unshare', ['-n', 'true']).status === 0;

/** `command args` run with no network where `noNetwork`, as they are elsewhere. */
export const offline = (command: string, args: readonly string[]): [string, string[]] => (noNetwork ? ['unshare', ['-n', command, ...args]] : [command, [...args]]);

/** scripts/package.ts over the current build into a fresh folder; that folder and what it printed. Remove it with removePackages: the single executable alone is ~95 MB. */
export async function packageInto(name: string): Promise<{ out: string; stdout: string; stderr: string }> {
  const out = join(mkdtempSync(join(tmpdir(), 'duplo-jit-packages-')), name);
  const { stdout, stderr } = await run(...offline(process.execPath, ['--import', 'tsx', 'scripts/package.ts', '--out', out]), { cwd: root, maxBuffer: 16 * 1024 * 1024 });
  return { out, stdout, stderr };
}

export function removePackages(out: string | undefined): void {
  if (out !== undefined) rmSync(dirname(out), { recursive: true, force: true });
}

/** The CLI and the set-up it writes, as one person on a fresh machine: an empty home, profile and npm prefix. */
export function freshMachine(): { home: string; profile: string; prefix: string; emptyBin: string } {
  const dir = mkdtempSync(join(tmpdir(), "duplo-jit-machine o'neil "));
  const paths = { home: join(dir, 'home'), profile: join(dir, 'profile'), prefix: join(dir, 'prefix'), emptyBin: join(dir, 'empty-bin') };
  for (const path of Object.values(paths)) mkdirSync(path);
  return paths;
}

/** What `install --browser chromium --profile-dir PROFILE` prints on success. */
export function installOutput(profile: string): string {
  const launcher = join(profile, 'duplo-jit-bridge/host-launcher.sh');
  const manifest = join(profile, 'NativeMessagingHosts/com.duplocloud.jit_bridge.json');
  return [
    `wrote launcher ${launcher}`,
    `wrote chromium host manifest ${manifest}`,
    `installed the native host com.duplocloud.jit_bridge for chromium; check it with "duplo-jit-bridge doctor --browser chromium --profile-dir ${quoted(profile)}"`,
    '',
  ].join('\n');
}

/** The launcher install writes, running `program` (already shell-quoted words) as the host. */
export const launcherText = (program: string) => `#!/bin/sh\n# Written by "duplo-jit-bridge install": the browser runs this as the native messaging host.\nexec ${program} host "$@"\n`;

/** A path in single quotes, as the launcher writes it. */
export const quoted = (path: string) => `'${path.replaceAll("'", `'\\''`)}'`;
