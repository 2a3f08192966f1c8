import { chmod, lstat, mkdir, mkdtemp, readdir, readFile, rename, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask, connect, request, startHost, type HostProcess } from './host-process.test-support';

let folder: string;
let socketPath: string;
let host: HostProcess;

/** A socket file nobody listens on, as a host killed without warning leaves it. */
async function staleSocket(path: string): Promise<void> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(`${path}.old`, resolve));
  await rename(`${path}.old`, path);
  await new Promise((resolve) => server.close(resolve));
}

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'duplo-jit-host-'));
  // A folder too open, holding a dead host's socket: the host must fix the one and replace the other.
  await mkdir(join(folder, 'run'), { mode: 0o755 });
  await chmod(join(folder, 'run'), 0o755);
  socketPath = join(folder, 'run', 'bridge.sock');
  await staleSocket(socketPath);
  host = await startHost(socketPath, { readTimeoutMs: 500, answerTimeoutMs: 800 });
});

afterAll(async () => {
  host.kill();
  await rm(folder, { recursive: true, force: true });
});

const answerFor = (hostId: string, scope: string | undefined) => ({ v: 1, id: hostId, ok: true, result: { scope } });

describe('the native host relay', () => {
  it('listens privately, in place of the stale socket: folder 0700, socket 0600, no leftovers', async () => {
    expect((await lstat(join(folder, 'run'))).mode & 0o777).toBe(0o700);
    const socket = await lstat(socketPath);
    expect(socket.isSocket()).toBe(true);
    expect(socket.mode & 0o777).toBe(0o600);
    expect((await readdir(join(folder, 'run'))).sort()).toEqual(['bridge.sock', 'browser.pid']);
  });

  it('records its parent, the browser, beside the socket (0600), for clients to tell a closed browser', async () => {
    const record = join(folder, 'run', 'browser.pid');
    expect((await lstat(record)).mode & 0o777).toBe(0o600);
    expect(await readFile(record, 'utf8')).toBe(`${process.pid}\n`);
  });

  it('forwards a request under a host id and answers under the client id', async () => {
    const reply = ask(socketPath, request('cli-1', 'dev'));
    const forwarded = await host.nextRequest();
    expect(forwarded).toEqual({ ...request('cli-1', 'dev'), id: expect.not.stringMatching(/^cli-1$/) as unknown, peer: 'on-request' });
    host.send({ v: 1, id: forwarded.id, ok: true, result: { AccessKeyId: 'AKIA', Version: 1 } });
    expect(await reply).toEqual({ v: 1, id: 'cli-1', ok: true, result: { AccessKeyId: 'AKIA', Version: 1 } });
    expect(host.stderr()).not.toContain('AKIA');
  });

  it('matches 20 concurrent requests answered in reverse order, even when clients share an id', async () => {
    const replies = Array.from({ length: 20 }, (_, n) => ask(socketPath, request(n < 10 ? `cli-${n}` : 'same-id', `scope-${n}`)));
    const forwarded = await Promise.all(replies.map(() => host.nextRequest()));
    expect(new Set(forwarded.map((each) => each.id)).size).toBe(20);
    for (const each of forwarded.reverse()) host.send(answerFor(each.id, each.scope));
    const answers = await Promise.all(replies);
    answers.forEach((answer, n) => expect(answer).toEqual({ v: 1, id: n < 10 ? `cli-${n}` : 'same-id', ok: true, result: { scope: `scope-${n}` } }));
  });

  it('answers BAD_REQUEST to what is not a valid request, and goes on working', async () => {
    const bad = [
      ['not json\n', '', 'not one line of JSON'],
      [`${JSON.stringify({ ...request('old'), v: 2 })}\n`, 'old', 'Protocol version 2'],
      [`${JSON.stringify({ ...request('x'), op: 'steal', client: {} })}\n`, 'x', 'op, client.pid, client.ppid, client.command'],
      [`${'x'.repeat(70_000)}\n`, '', 'longer than 65536 bytes'],
    ];
    for (const [payload, id, message] of bad) {
      const answer = await ask(socketPath, payload!);
      expect(answer).toMatchObject({ v: 1, id, ok: false, error: { code: 'BAD_REQUEST' } });
      expect((answer.error as { message: string }).message).toContain(message);
    }
    const reply = ask(socketPath, request('after'));
    host.send(answerFor((await host.nextRequest()).id, 'ok'));
    expect(await reply).toMatchObject({ id: 'after', ok: true });
  });

  it('closes a client that never ends its line with BAD_REQUEST', async () => {
    const started = performance.now();
    const answer = JSON.parse(await connect(socketPath, '{"v":1,').reply) as unknown;
    expect(answer).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', message: expect.stringContaining('No complete request line') as unknown } });
    expect(performance.now() - started).toBeGreaterThanOrEqual(450);
  });

  it('answers TIMEOUT when the extension does not answer in time, and drops the late answer', async () => {
    const reply = ask(socketPath, request('slow'));
    const forwarded = await host.nextRequest();
    expect(await reply).toMatchObject({ id: 'slow', ok: false, error: { code: 'TIMEOUT' } });
    host.send(answerFor(forwarded.id, 'late'));
    await host.waitForLog(`dropped an answer for "${forwarded.id}"`);
  });

  it('forgets a client that leaves before its answer', async () => {
    const { socket } = connect(socketPath, `${JSON.stringify(request('gone'))}\n`);
    const forwarded = await host.nextRequest();
    socket.destroy();
    await host.waitForLog(`the client of request ${forwarded.id} left before its answer`);
    host.send(answerFor(forwarded.id, 'late'));
    await host.waitForLog(`dropped an answer for "${forwarded.id}"`);
  });

  it('ignores extension messages that are not responses, and bad frames that keep their length', async () => {
    host.send({ type: 'ping' });
    host.writeStdin(Uint8Array.of(3, 0, 0, 0, 0x22, 0xff, 0x22, 2, 0, 0, 0, 0x7b, 0x7b));
    await host.waitForLog('bad-json');
    expect(host.stderr()).toContain('not a bridge response');
    expect(host.stderr()).toContain('bad-utf8');
    const reply = ask(socketPath, request('still'));
    host.send(answerFor((await host.nextRequest()).id, 'fine'));
    expect(await reply).toMatchObject({ id: 'still', ok: true });
  });
});
