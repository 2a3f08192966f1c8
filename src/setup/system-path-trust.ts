import { lstat, realpath } from 'node:fs/promises';
import { dirname } from 'node:path';
import { SetupError } from './setup-error';

/** The first place from a file up to / that someone other than root could change, and how. */
export interface UntrustedPath {
  readonly path: string;
  readonly problem: string;
}

/** The path and each folder above it, up to /. */
function upToRoot(path: string): string[] {
  const chain = [path];
  for (let parent = dirname(path); parent !== chain.at(-1); parent = dirname(parent)) chain.push(parent);
  return chain;
}

const mode = (bits: number) => `mode ${(bits & 0o7777).toString(8).padStart(4, '0')}`;

function problemOf(info: { uid: number; mode: number }): string | undefined {
  if (info.uid !== 0) return `owned by uid ${info.uid}, not root`;
  if (info.mode & 0o002) return `writable by everyone (${mode(info.mode)})`;
  if (info.mode & 0o020) return `writable by its group (${mode(info.mode)})`;
  return undefined;
}

/**
 * Whether only root can change what `path` runs: the file and every folder up to /, both as
 * written and where its symbolic links lead. Symbolic links themselves are skipped: their mode
 * means nothing, and they can only be replaced through the folder that holds them, which is
 * checked. A sticky folder such as /tmp counts as writable: anyone may add a look-alike there.
 */
export async function untrustedSystemPath(path: string): Promise<UntrustedPath | undefined> {
  const chain = new Set([...upToRoot(path), ...upToRoot(await realpath(path))]);
  for (const candidate of chain) {
    const info = await lstat(candidate);
    if (info.isSymbolicLink()) continue;
    const problem = problemOf(info);
    if (problem) return { path: candidate, problem };
  }
  return undefined;
}

/** Throws a SetupError naming the path and what to do, unless only root can change `file`. */
export async function requireRootOnlyPath(file: string, what: string): Promise<void> {
  const untrusted = await untrustedSystemPath(file);
  if (!untrusted) return;
  const where = untrusted.path === file ? `${what} ${file}` : `${untrusted.path}, above ${what} ${file},`;
  throw new SetupError(
    `refusing to install for all users: ${where} is ${untrusted.problem}. Every user's browser would run ${what}, so whoever can change it could run code as them. Put ${what} where only root can change it (every folder up to / owned by root, without group or world write), e.g. under /usr/local/lib, or make ${untrusted.path} root's alone (chown root, chmod go-w) if it should be; then run "sudo duplo-jit-bridge install --system" again.`,
  );
}
