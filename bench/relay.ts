import { mkdtemp, rm } from 'node:fs/promises';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { askBridge } from '../src/cli/bridge-client';
import { startEchoHost } from './echo-host';
import type { Bench } from './harness';
import { differenceFigure, type Figure } from './report';
import { interleave, timed } from './stats';

/** One line to a Unix socket and one line back, on a fresh connection: what the relay costs at the least. */
async function echoServer(): Promise<{ path: string; roundTrip(): Promise<void>; close(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'duplo-jit-bench-'));
  const path = join(dir, 'echo.sock');
  const server = createServer((socket) => socket.once('data', (line) => socket.end(line)));
  await new Promise<void>((resolve) => server.listen(path, resolve));
  return {
    path,
    roundTrip: () =>
      new Promise((resolve, reject) => {
        const connection = createConnection(path, () => connection.write('{"ping":1}\n'));
        connection.once('data', () => {
          connection.end();
          resolve();
        });
        connection.once('error', reject);
      }),
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * 2. The relay inside one client process: socket → host → native messaging → service worker
 * → back, for keys the extension already holds. No process start, so it is the bridge alone.
 */
export async function relay(bench: Bench, rounds = 200): Promise<Figure[]> {
  const echo = await echoServer();
  const host = await startEchoHost();
  try {
    for (let warm = 0; warm < 20; warm++) await bench.ask('aws-credentials', 'dev01');
    const samples = await interleave(rounds, {
      echo: () => timed(echo.roundTrip),
      relay: () => timed(() => bench.ask('aws-credentials', 'dev01')),
      // `status` does the least work a request can: the rest of the round trip is transport.
      status: () => timed(() => bench.ask('status')),
      host: () => timed(() => askBridge(host.socket, bench.request('status'))),
    });
    const echoSide = { name: 'socket echo', samples: samples.echo };
    return [
      differenceFigure({
        bench: '2. Relay',
        name: 'aws-credentials round trip − bare socket echo',
        subject: samples.relay,
        baseline: echoSide,
        // The budget is on the whole round trip, so it is checked on the subject itself.
        budgets: [
          { stat: 'median', max: 2, on: 'subject' },
          { stat: 'p95', max: 6, on: 'subject' },
        ],
      }),
      differenceFigure({
        bench: '2. Relay',
        name: 'status round trip − bare socket echo',
        subject: samples.status,
        baseline: echoSide,
        note: "the same hop with the least work behind it (the worker's settings and session, from its memory; no credentials): what the socket, the host and native messaging cost, close to the floor of the relay.",
      }),
      differenceFigure({
        bench: '2. Relay',
        name: 'host alone (answered at once, no browser) − bare socket echo',
        subject: samples.host,
        baseline: echoSide,
        note: "the real host with the bench in the browser's place (bench/echo-host.ts): the part of the relay that is ours outside the browser.",
      }),
    ];
  } finally {
    await host.close();
    await echo.close();
  }
}
