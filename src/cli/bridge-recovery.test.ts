import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BridgeRequest, BridgeResponse } from '../bridge/protocol';
import { recordBrowserPid, removeBrowserPid } from '../rendezvous/browser-pid';
import { askBridgeRecovering } from './bridge-recovery';

const request: BridgeRequest = { v: 1, id: 'r1', op: 'aws-credentials', portal: 'https://acme.duplocloud.net', scope: 'dev01', client: { pid: 1, ppid: 1, command: 'aws' } };
const answered: BridgeResponse = { v: 1, id: 'r1', ok: true, result: { Version: 1 } };

let dir: string;
let socket: string;
const servers: Server[] = [];

/** A stand-in host on the socket: each connection's first line gets `reply`. */
function host(reply: (line: string, connection: Socket) => void): Promise<Server> {
  const server = createServer((connection) => {
    connection.setEncoding('utf8');
    connection.once('data', (line: string) => reply(line, connection));
  });
  servers.push(server);
  return new Promise((resolve) => server.listen(socket, () => resolve(server)));
}
const close = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()));

/** A host that takes the first request, does `first`, dies without answering, and leaves no one on the socket. */
async function hostThatDies(first: () => Promise<void> = () => Promise.resolve()): Promise<void> {
  const dying = await host((_line, connection) => {
    void first().then(() => {
      connection.destroy();
      void close(dying);
    });
  });
}

/** The pid of a process that has exited: a browser that closed. */
const exitedPid = () => spawnSync(process.execPath, ['-e', '0']).pid!;

/** Asks with a long wait, and expects the "browser closed" answer well before it. */
async function expectBrowserClosedAtOnce(): Promise<void> {
  const started = Date.now();
  await expect(askBridgeRecovering(socket, request, () => undefined, 30_000)).rejects.toMatchObject({
    code: 'NO_BROWSER',
    message: 'The browser closed before answering. Start it, then retry.',
  });
  // Far below the 30 s it would wait for a browser that might come back; room for a loaded machine.
  expect(Date.now() - started).toBeLessThan(10_000);
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'duplo-jit-recovery-'));
  socket = join(dir, 'bridge.sock');
});
afterEach(async () => {
  await Promise.all(servers.splice(0).filter((server) => server.listening).map(close));
  await rm(dir, { recursive: true, force: true });
});

describe('askBridgeRecovering', () => {
  it('asks again when the host took the request and died, once a new host is there', async () => {
    const notices: string[] = [];
    // The browser still runs (this process stands in for it): worth waiting for.
    await recordBrowserPid(socket, process.pid);
    const dying = await host((_line, connection) => connection.destroy());
    const asked = askBridgeRecovering(socket, request, (line) => notices.push(line), 5_000);
    await new Promise((tick) => setTimeout(tick, 100));
    await close(dying);
    await host((_line, connection) => connection.end(`${JSON.stringify(answered)}\n`));
    expect(await asked).toEqual(answered);
    expect(notices).toEqual(['the browser bridge went away before answering; waiting up to 5 s for it to come back', 'the browser bridge is back; asked again']);
  });

  it('treats the host\'s own "the browser went away" answer the same way', async () => {
    let first = true;
    await host((_line, connection) => {
      const gone: BridgeResponse = { v: 1, id: 'r1', ok: false, error: { code: 'NO_BROWSER', message: 'The browser closed its connection' } };
      connection.end(`${JSON.stringify(first ? gone : answered)}\n`);
      first = false;
    });
    expect(await askBridgeRecovering(socket, request, () => undefined, 5_000)).toEqual(answered);
  });

  it('gives up after the wait with a sentence that says what happened and what to do', async () => {
    await hostThatDies();
    const started = Date.now();
    await expect(askBridgeRecovering(socket, request, () => undefined, 1_000)).rejects.toMatchObject({
      code: 'NO_BROWSER',
      message: 'The browser bridge went away before answering and did not come back within 1 s (was the browser closed?). Start the browser, then retry; "duplo-jit-bridge doctor" checks the set-up.',
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
  });

  it('gives up at once when the browser that ran the host has exited', async () => {
    await recordBrowserPid(socket, exitedPid());
    await hostThatDies();
    await expectBrowserClosedAtOnce();
  });

  it('gives up at once when the browser has exited, even though its host removed browser.pid before the drop', async () => {
    // A host whose stdin ends (the browser closing) removes its record as it exits, which can
    // come before the client sees its connection dropped: the client must have read it first.
    const gone = exitedPid();
    await recordBrowserPid(socket, gone);
    await hostThatDies(() => removeBrowserPid(socket, gone));
    await expectBrowserClosedAtOnce();
  });

  it('fails at once when no bridge is there to begin with: a closed browser is not worth waiting for', async () => {
    const started = Date.now();
    const notices: string[] = [];
    await expect(askBridgeRecovering(socket, request, (line) => notices.push(line), 30_000)).rejects.toMatchObject({ code: 'NO_BROWSER', dropped: false });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(notices).toEqual([]);
  });

  it('passes any other answer through untouched, errors included', async () => {
    const denied: BridgeResponse = { v: 1, id: 'r1', ok: false, error: { code: 'DENIED', message: 'You denied it.' } };
    await host((_line, connection) => connection.end(`${JSON.stringify(denied)}\n`));
    expect(await askBridgeRecovering(socket, request, () => undefined, 5_000)).toEqual(denied);
  });
});
