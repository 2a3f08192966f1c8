import { spawn, spawnSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask, connect, request, startHost, type HostProcess } from './host-process.test-support';

let folder: string;
let socketPath: string;
let host: HostProcess;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'duplo-jit-peer-'));
  socketPath = join(folder, 'bridge.sock');
  host = await startHost(socketPath);
});
afterAll(async () => {
  host.kill();
  await rm(folder, { recursive: true, force: true });
});

const node = realpathSync(process.execPath);
const python = spawnSync('python3', ['-c', 'import os, sys; print(os.path.realpath(sys.executable))'], { encoding: 'utf8' }).stdout.trim();

// A client as our CLI is one: node, connecting and sending one line that claims its own pid.
const client = `const socket = require('node:net').createConnection(process.argv[1]);
socket.write(JSON.stringify({ v: 1, id: 'c', op: 'aws-credentials', portal: 'https://portal.example.com', scope: 'dev',
  client: { pid: process.pid, ppid: process.ppid, command: 'aws' } }) + '\\n');
socket.on('data', () => socket.end());`;

/** Runs the client under `launcher` and returns the peer the host forwarded for it. */
async function peerWhenLaunchedBy(launcher: string[]) {
  const child = spawn(launcher[0]!, [...launcher.slice(1), process.execPath, '-e', client, socketPath], { stdio: 'inherit' });
  const forwarded = await host.nextRequest();
  expect(forwarded.peer).toBe('on-request');
  const { peer } = await host.identify(forwarded.id);
  host.send({ v: 1, id: forwarded.id, ok: true, result: null });
  await new Promise((resolve) => child.on('close', resolve));
  return peer;
}

describe.runIf(process.platform === 'linux')('the host names the program at the other end of a connection', () => {
  it('tells two programs apart by the parent of the CLI, skipping a shell in between', async () => {
    // `; exit` keeps sh from exec'ing node, so node's parent really is the shell.
    const viaShell = await peerWhenLaunchedBy(['sh', '-c', '"$@"; exit $?', 'sh']);
    const viaPython = await peerWhenLaunchedBy(['python3', '-c', 'import subprocess, sys; sys.exit(subprocess.call(sys.argv[1:]))']);
    expect(viaShell).toMatchObject({ verified: true, exe: node, parentExe: node });
    expect(viaPython).toMatchObject({ verified: true, exe: node, parentExe: python });
    expect(python).toMatch(/python3/);
  });

  it('overwrites a peer the client claims, and finds the real process behind a false pid', async () => {
    const claimed = { verified: true, pid: 1, exe: '/usr/local/bin/aws', parentExe: '/usr/local/bin/terraform' };
    const reply = ask(socketPath, `${JSON.stringify({ ...request('liar'), client: { pid: 1, ppid: 0, command: 'aws' }, peer: claimed })}\n`);
    const forwarded = await host.nextRequest();
    expect(forwarded.peer).toBe('on-request');
    expect(await host.identify(forwarded.id)).toEqual({ v: 1, type: 'peer', id: forwarded.id, peer: { verified: true, pid: process.pid, exe: node, parentExe: expect.any(String) as unknown } });
    host.send({ v: 1, id: forwarded.id, ok: true, result: null });
    expect(await reply).toMatchObject({ id: 'liar', ok: true });
  });

  it('answers unverified for a request whose client has gone', async () => {
    const { socket } = connect(socketPath, `${JSON.stringify(request('gone'))}\n`);
    const forwarded = await host.nextRequest();
    socket.destroy();
    await host.waitForLog(`the client of request ${forwarded.id} left before its answer`);
    expect((await host.identify(forwarded.id)).peer).toEqual({ verified: false, pid: 0, exe: '', parentExe: '' });
  });
});
