import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readlink } from 'node:fs/promises';

/**
 * Node has no SO_PEERCRED, but the kernel tells `ss` (iproute2, over sock_diag) the inode of
 * each Unix socket's peer. Absolute paths only: the host's PATH is the browser's.
 */
const ssPaths = ['/usr/bin/ss', '/usr/sbin/ss', '/bin/ss', '/sbin/ss'];
const ssTimeoutMs = 3_000;
// "u_str ESTAB 0 0 /run/…/bridge.sock.1a2b 57074 * 57073": the line ends with local inode, peer address, peer inode.
const connection = /\s(\d+)\s+\S+\s+(\d+)\s*$/;

/** Local inode → peer inode of every connected Unix socket, from one `ss -xn` run. */
export function runSs(): Promise<Map<number, number>> {
  const ss = ssPaths.find((path) => existsSync(path));
  if (ss === undefined) return Promise.reject(new Error('ss (iproute2) is not installed'));
  return new Promise((resolve, reject) => {
    execFile(ss, ['-xn'], { timeout: ssTimeoutMs, maxBuffer: 16 * 1024 * 1024 }, (error, stdout) => {
      if (error) return reject(error);
      const peers = new Map<number, number>();
      for (const line of stdout.split('\n')) {
        const match = connection.exec(line);
        if (match) peers.set(Number(match[1]), Number(match[2]));
      }
      resolve(peers);
    });
  });
}

/** The inode of one of this process's sockets, from its file descriptor. */
export async function socketInode(fd: number): Promise<number | undefined> {
  const target = await readlink(`/proc/self/fd/${fd}`).catch(() => '');
  const match = /^socket:\[(\d+)\]$/.exec(target);
  return match ? Number(match[1]) : undefined;
}

/**
 * Runs `run` as seldom as the answers allow: a caller joins the next run that starts after it
 * asked (a run already under way may predate its socket), so a burst of 50 connections costs
 * one or two runs, not 50.
 */
export function coalesced<T>(run: () => Promise<T>): () => Promise<T> {
  let current: Promise<T> | undefined;
  let queued: Promise<T> | undefined;
  const start = (): Promise<T> => {
    const running = run().finally(() => {
      if (current === running) current = undefined;
    });
    current = running;
    return running;
  };
  return () => {
    if (current === undefined) return start();
    queued ??= current
      .catch(() => undefined)
      .then(() => {
        queued = undefined;
        return start();
      });
    return queued;
  };
}
