import { promises, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Which browser process runs the host that owns the socket, in a file beside it (the host's
 * parent: the launcher execs node). A client whose request was dropped reads it to tell a
 * closed browser (give up at once) from a stopped service worker (wait for its alarm).
 * It names a process, nothing secret; on Windows (a named pipe, no folder) it is not kept.
 */
export const browserPidPath = (socketPath: string) => join(dirname(socketPath), 'browser.pid');

export async function recordBrowserPid(socketPath: string, pid: number): Promise<void> {
  await promises.writeFile(browserPidPath(socketPath), `${pid}\n`, { mode: 0o600 });
}

/**
 * Removes the record at exit, but only if it still names `pid`: a host that took the socket
 * over since wrote its own browser's. A SIGKILLed host cannot; its record stays until the next
 * host overwrites it, and a client then sees that browser's process gone or running, as it is.
 */
export async function removeBrowserPid(socketPath: string, pid: number): Promise<void> {
  const path = browserPidPath(socketPath);
  const text = await promises.readFile(path, 'utf8').catch(() => '');
  if (text === `${pid}\n`) await promises.unlink(path).catch(() => undefined);
}

/** Synchronous, and node:fs/promises only behind `promises`: the CLI reads this, and both would cost its start-up. */
export function readBrowserPid(socketPath: string): number | undefined {
  let text = '';
  try {
    text = readFileSync(browserPidPath(socketPath), 'utf8');
  } catch {
    // No file: no browser has run a host here, or it was cleaned up; the caller decides.
  }
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
