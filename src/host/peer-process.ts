import { readdir, readFile, readlink, stat } from 'node:fs/promises';
import { basename } from 'node:path';

/**
 * Shells between a program and our CLI: the Go SDK (terraform, …) runs a credential_process
 * through `sh -c`, so a parent that is a shell says nothing about who asked; its parent does.
 */
const shells = new Set(['sh', 'dash', 'bash', 'zsh', 'ash', 'ksh', 'mksh', 'busybox', 'fish']);
const maxShellHops = 3;

/** Whether process `pid` holds `socket:[inode]`; one process's descriptors: cheap. */
export async function holds(pid: number, inode: number): Promise<boolean> {
  const socket = `socket:[${inode}]`;
  const fds = await readdir(`/proc/${pid}/fd`).catch(() => []);
  for (const fd of fds) if ((await readlink(`/proc/${pid}/fd/${fd}`).catch(() => '')) === socket) return true;
  return false;
}

/**
 * Socket inode → the pid holding it, over every process of this user: for a client whose
 * claimed pid is false (one that lies, or a program that is not our CLI). Costly, so it is
 * shared by every connection waiting (see `coalesced`).
 */
export async function scanSocketHolders(): Promise<Map<number, number>> {
  const holders = new Map<number, number>();
  const uid = process.getuid?.();
  for (const entry of await readdir('/proc').catch(() => [])) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    if (uid !== undefined && (await stat(`/proc/${entry}`).catch(() => undefined))?.uid !== uid) continue;
    for (const fd of await readdir(`/proc/${entry}/fd`).catch(() => [])) {
      const match = /^socket:\[(\d+)\]$/.exec(await readlink(`/proc/${entry}/fd/${fd}`).catch(() => ''));
      if (match) holders.set(Number(match[1]), pid);
    }
  }
  return holders;
}

/** The parent pid, from /proc/PID/stat (after the command name, which may hold spaces and parentheses). */
async function parentOf(pid: number): Promise<number> {
  const text = await readFile(`/proc/${pid}/stat`, 'utf8');
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const ppid = Number(fields[1]);
  if (!Number.isInteger(ppid) || ppid < 1) throw new Error(`process ${pid} has no parent`);
  return ppid;
}

const exeOf = (pid: number) => readlink(`/proc/${pid}/exe`);

/** The executable of `pid` and of the first ancestor that is not a shell (at most 3 shells up). Throws when a process is gone. */
export async function executables(pid: number): Promise<{ exe: string; parentExe: string }> {
  const exe = await exeOf(pid);
  let parent = await parentOf(pid);
  let parentExe = await exeOf(parent);
  for (let hop = 0; hop < maxShellHops && shells.has(basename(parentExe)) && parent > 1; hop++) {
    const above = await parentOf(parent).catch(() => undefined);
    if (above === undefined || above <= 1) break;
    parent = above;
    parentExe = await exeOf(parent);
  }
  return { exe, parentExe };
}
