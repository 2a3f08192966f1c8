import { chmod, lstat, rename, unlink } from 'node:fs/promises';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { dirname } from 'node:path';
import { secureSocketFolder } from './socket-folder';
import { isNamedPipe } from '../rendezvous/socket-path';

export interface SocketOwnership {
  /** Stops accepting connections and removes the socket file if it is still ours. */
  release(): Promise<void>;
}

interface Options {
  path: string;
  onConnection: (socket: Socket) => void;
  /** How often a host that does not own the socket tries again, and an owner checks it still does. */
  retryMs: number;
  log: (line: string) => void;
  /** Called each time this host takes the socket. */
  onClaimed?: () => Promise<void>;
  /** Called on release, before the socket file is removed, only while it is still this host's. */
  onReleasing?: () => Promise<void>;
}

const probeTimeoutMs = 500;

/** Whether a host answers on `path`; only "nothing there" and "nobody listening" count as dead. */
function answers(path: string): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const probe = createConnection(path);
    // A Unix socket connect succeeds or fails at once; should one hang, the host there is alive: never steal from it.
    probe.setTimeout(probeTimeoutMs, () => {
      probe.destroy();
      resolve(true);
    });
    probe.on('connect', () => {
      probe.destroy();
      resolve(true);
    });
    probe.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' || error.code === 'ECONNREFUSED') resolve(false);
      else reject(error);
    });
  });
}

function listen(server: Server, path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/**
 * Holds the bridge socket, never taking it from a live host: a stale file (its host died) is
 * replaced, but while another host answers this one stands by and retries, so when the
 * browser that owns the socket closes, another browser's host takes over.
 *
 * A Unix socket is bound under a temporary name, made 0600, then renamed over `path`. The
 * rename replaces a stale file atomically and the socket is never reachable with a wider
 * mode. It also matters at close: Node removes the name it bound, and that name is no longer
 * `path`, so a host that lost a race cannot delete the winner's socket; it removes `path` only
 * while the file there is still the one it created.
 */
export function holdSocket({ path, onConnection, retryMs, log, onClaimed, onReleasing }: Options): SocketOwnership {
  const pipe = isNamedPipe(path);
  let server: Server | undefined;
  let ours: { dev: number; ino: number } | undefined;
  let lastNote = '';
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;

  // Said once per change, not once per retry.
  const note = (line: string) => {
    if (line !== lastNote) log(line);
    lastNote = line;
  };
  const standBy = () => note(`another host answers on ${path}; not taking it: standing by, and taking over once it exits (checked every ${retryMs / 1000} s)`);

  const stillOurs = async () => {
    if (pipe) return true;
    const stats = await lstat(path).catch(() => undefined);
    return stats !== undefined && stats.dev === ours?.dev && stats.ino === ours.ino;
  };

  const claim = async () => {
    const candidate = createServer(onConnection);
    if (pipe) {
      // Windows refuses a second server on a pipe name (EADDRINUSE), so nothing is ever stolen.
      try {
        await listen(candidate, path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
        return standBy();
      }
    } else {
      await secureSocketFolder(dirname(path));
      if (await answers(path)) return standBy();
      // node:crypto is loaded here, not at the top: the CLI bundle is one file, and every `aws` run would pay for it.
      const { randomBytes } = await import('node:crypto');
      const temporary = `${path}.${randomBytes(4).toString('hex')}`;
      await listen(candidate, temporary);
      try {
        await chmod(temporary, 0o600);
        const { dev, ino } = await lstat(temporary);
        await rename(temporary, path);
        ours = { dev, ino };
      } catch (error) {
        candidate.close();
        throw error;
      }
    }
    candidate.on('error', (error) => log(`socket server error: ${error.message}`));
    server = candidate;
    await onClaimed?.();
  };

  const tick = async () => {
    try {
      if (server && !(await stillOurs())) {
        note(`${path} is no longer this host's socket (replaced or removed)`);
        server.close();
        server = undefined;
      }
      if (!server) await claim();
      if (server) note(`listening on ${path}`);
    } catch (error) {
      note(`cannot listen on ${path}: ${error instanceof Error ? error.message : String(error)}; retrying every ${retryMs / 1000} s`);
    }
  };

  let running: Promise<void>;
  const cycle = () => {
    running = tick().then(() => {
      if (!stopped) timer = setTimeout(cycle, retryMs).unref();
    });
  };
  cycle();

  return {
    async release() {
      stopped = true;
      clearTimeout(timer);
      await running;
      if (!server) return;
      if (await stillOurs()) {
        await onReleasing?.().catch((error: Error) => log(`cleaning up before release failed: ${error.message}`));
        if (!pipe) await unlink(path).catch(() => undefined);
      }
      // Stops accepting at once; connections already accepted are ended by their owner.
      server.close();
    },
  };
}
