import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/**
 * Which browser process runs the host that owns the socket, in a file beside it (the host's
 * parent: the launcher execs node). A client whose request was dropped reads it to tell a
 * closed browser (give up at once) from a stopped service worker (wait for its alarm).
 * It names a process, nothing secret; on Windows (a named pipe, no folder) it is not kept.
 */
export const browserPidPath = (socketPath: string) => join(dirname(socketPath), 'browser.pid');

export async function recordBrowserPid(socketPath: string, pid: number): Promise<void> {
  await writeFile(browserPidPath(socketPath), `${pid}\n`, { mode: 0o600 });
}

export async function readBrowserPid(socketPath: string): Promise<number | undefined> {
  const text = await readFile(browserPidPath(socketPath), 'utf8').catch(() => '');
  const pid = Number(text.trim());
  return Number.isInteger(pid) && pid > 1 ? pid : undefined;
}

export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
