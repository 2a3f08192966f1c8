import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BridgeRequest } from '../bridge/protocol';
import { askBridge } from './bridge-client';

// A host whose queue of unaccepted connections holds one, and whose event loop is stuck until
// the release file appears: the kernel refuses further connects with EAGAIN meanwhile. After
// that it answers every request line with an `ok` response carrying the connection's number.
const busyHost = `
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

let dir: string;
let socket: string;
let release: string;
let host: ChildProcess;

const request = (id: string): BridgeRequest => ({ v: 1, id, op: 'status', portal: 'https://acme.duplocloud.net', scope: 'admin', client: { pid: 1, ppid: 1, command: 'aws' } });

/** What a plain connect gets while the host is stuck: EAGAIN once its queue is full. */
function plainConnect(): Promise<string> {
  return new Promise((resolve) => {
    const connection = createConnection(socket);
    connection.on('connect', () => resolve('queued'));
    connection.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
  });
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'duplo-jit-busy-'));
  socket = join(dir, 'bridge.sock');
  release = join(dir, 'release');
  host = spawn(process.execPath, ['-e', busyHost, socket, release], { stdio: ['ignore', 'pipe', 'inherit'] });
  await once(host.stdout!, 'data');
  const plain = await Promise.all(Array.from({ length: 4 }, plainConnect));
  // The precondition the retry exists for: without it, these clients would have failed.
  expect(plain).toContain('EAGAIN');
});
afterEach(async () => {
  host.kill();
  await rm(dir, { recursive: true, force: true });
});

describe('askBridge with a host too busy to queue the connection', () => {
  it('waits for the host instead of calling it unreachable, and every client gets its own answer', async () => {
    const asked = Array.from({ length: 10 }, (_, n) => askBridge(socket, request(`r${n}`), 10_000));
    await new Promise((tick) => setTimeout(tick, 150));
    await writeFile(release, '');
    const answers = await Promise.all(asked);
    expect(answers.map((answer) => answer.id)).toEqual(Array.from({ length: 10 }, (_, n) => `r${n}`));
    expect(answers.every((answer) => answer.ok)).toBe(true);
  });

  it('gives up at its time-out with words that say the bridge was busy', async () => {
    await expect(askBridge(socket, request('late'), 1_000)).rejects.toMatchObject({
      code: 'TIMEOUT',
      message: `The browser bridge at ${socket} was too busy to take the request for 1 s. Retry; if it keeps happening, run "duplo-jit-bridge doctor".`,
    });
  });
});
