import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// A host whose queue of unaccepted connections holds one, and whose event loop is stuck until
// the release file appears: the kernel refuses further connects with EAGAIN meanwhile. After
// that it answers every request line with an `ok` response carrying the connection's number.
const program = `
const { createServer } = require('node:net');
const { existsSync } = require('node:fs');
const [path, release] = process.argv.slice(1);
let served = 0;
const server = createServer((connection) => {
  connection.setEncoding('utf8');
  connection.once('data', (line) => connection.end(JSON.stringify({ v: 1, id: JSON.parse(line).id, ok: true, result: ++served }) + '\\n'));
});
server.listen({ path, backlog: 1 }, () => {
  process.stdout.write('listening\\n');
  const nap = new Int32Array(new SharedArrayBuffer(4));
  while (!existsSync(release)) Atomics.wait(nap, 0, 0, 5);
});`;

/** Test harness: a real host process too busy to take connections until `release()`. */
export interface BusyHost {
  readonly socket: string;
  /** What plain connects got once the host was stuck: at least one of them is 'EAGAIN'. */
  readonly plainConnects: string[];
  release(): Promise<void>;
  stop(): Promise<void>;
}

/** What a plain connect gets while the host is stuck: 'queued', or the error code. */
function plainConnect(socket: string): Promise<string> {
  return new Promise((resolve) => {
    const connection = createConnection(socket);
    connection.on('connect', () => resolve('queued'));
    connection.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
  });
}

/** Starts the host and fills its queue, so the next connect is refused with EAGAIN. */
export async function startBusyHost(): Promise<BusyHost> {
  const dir = await mkdtemp(join(tmpdir(), 'duplo-jit-busy-'));
  const socket = join(dir, 'bridge.sock');
  const releaseFile = join(dir, 'release');
  const child = spawn(process.execPath, ['-e', program, socket, releaseFile], { stdio: ['ignore', 'pipe', 'inherit'] });
  await once(child.stdout, 'data');
  const plainConnects = await Promise.all(Array.from({ length: 4 }, () => plainConnect(socket)));
  return {
    socket,
    plainConnects,
    release: () => writeFile(releaseFile, ''),
    stop: async () => {
      child.kill();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
