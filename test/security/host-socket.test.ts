import { chmod, lstat, mkdtemp, rm } from 'node:fs/promises';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askBridge } from '../../src/cli/bridge-client';
import { ask, connect, request, startHost, type HostProcess } from '../../src/host/host-process.test-support';
import { connectAsOtherUser, otherUserUnavailable, useOtherUser } from './other-user';

/** Attacks by local programs on the host's socket. The test is the browser (stdio) and every client. */
let folder: string;
let runFolder: string;
let socketPath: string;
let host: HostProcess;
const secret = 'AKIASECRETFROMEXTENSION';
const otherUser = useOtherUser('hostsock');

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'duplo-jit-sec-host-'));
  // Open the parent up so the host's own folder and socket modes are all that protect it.
  await chmod(folder, 0o755);
  runFolder = join(folder, 'run');
  socketPath = join(runFolder, 'bridge.sock');
  host = await startHost(socketPath, { readTimeoutMs: 1_500, answerTimeoutMs: 2_000 });
});

afterAll(async () => {
  host.kill();
  await rm(folder, { recursive: true, force: true });
});

/** A good request from the CLI's own client, answered by the test acting as the extension: the host still works. */
async function goodRequestWorks(id: string): Promise<void> {
  const reply = askBridge(socketPath, request(id), 5_000);
  const forwarded = await host.nextRequest();
  expect(forwarded.id).not.toBe(id);
  host.send({ v: 1, id: forwarded.id, ok: true, result: { AccessKeyId: secret } });
  expect(await reply).toEqual({ v: 1, id, ok: true, result: { AccessKeyId: secret } });
}

describe('a local program attacking the host socket', () => {
  it('finds the folder 0700 and the socket 0600, owned by the host user', async () => {
    const [dir, sock] = await Promise.all([lstat(runFolder), lstat(socketPath)]);
    expect(dir.mode & 0o777).toBe(0o700);
    expect(sock.isSocket() && (sock.mode & 0o777) === 0o600).toBe(true);
    expect([dir.uid, sock.uid]).toEqual([process.getuid?.(), process.getuid?.()]);
  });

  it.skipIf(otherUserUnavailable)('as another Unix user, cannot connect (folder mode, then socket mode alone)', async () => {
    const line = JSON.stringify(request('intruder'));
    expect(connectAsOtherUser(otherUser, socketPath, line).result).toBe('EACCES');
    // Defence in depth: even with the folder opened up, the socket's own 0600 refuses.
    await chmod(runFolder, 0o755);
    try {
      expect(connectAsOtherUser(otherUser, socketPath, line).result).toBe('EACCES');
    } finally {
      await chmod(runFolder, 0o700);
    }
    await goodRequestWorks('after-other-user');
  });

  it('gets BAD_REQUEST for unknown ops and wrong versions, and nothing is forwarded', async () => {
    const base = request('x');
    const attacks: unknown[] = [
      { ...base, op: 'steal' },
      { ...base, op: '__proto__' },
      { ...base, op: 'AWS-CREDENTIALS' },
      { ...base, v: 2 },
      { ...base, v: 0 },
      { ...base, v: '1' },
      { ...base, v: 1.0000001 },
      { ...base, v: undefined },
      { ...base, id: 'x'.repeat(101) },
      { ...base, client: { pid: -1, ppid: 0, command: 'x' } },
      JSON.parse('{"__proto__":{"ok":true},"v":1,"id":"proto"}'),
      [base],
      null,
      'aws-credentials',
    ];
    for (const attack of attacks) {
      const answer = await ask(socketPath, `${JSON.stringify(attack)}\n`);
      expect(answer).toMatchObject({ v: 1, ok: false, error: { code: 'BAD_REQUEST' } });
    }
    for (const bytes of ['\n', '\u0000\n', '\uFEFF{}\n', `${'['.repeat(10_000)}\n`]) {
      expect(await ask(socketPath, bytes)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    }
    await goodRequestWorks('after-bad-requests');
  });

  it('sending 10 MB gets BAD_REQUEST at 64 KiB, without the host buffering the rest', async () => {
    const socket = createConnection(socketPath);
    let text = '';
    socket.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
    socket.on('error', () => undefined);
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    const chunk = Buffer.alloc(1024 * 1024, 'a');
    for (let n = 0; n < 10 && !socket.destroyed; n++) socket.write(chunk);
    await closed;
    expect(JSON.parse(text)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', message: expect.stringContaining('longer than 65536') as unknown } });
    await goodRequestWorks('after-10mb');
  });

  it('a client that never sends a newline is cut off at the read deadline, even trickling bytes', async () => {
    const started = performance.now();
    const { socket, reply } = connect(socketPath, '{"v":1,');
    const trickle = setInterval(() => !socket.destroyed && socket.write(' '), 100);
    const text = await reply.finally(() => clearInterval(trickle));
    expect(JSON.parse(text)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(performance.now() - started).toBeGreaterThanOrEqual(1_400);
    expect(performance.now() - started).toBeLessThan(4_000);
    await goodRequestWorks('after-slowloris');
  });

  it('1,000 idle connections at once are each timed out, and a good request is answered meanwhile and after', async () => {
    const started = performance.now();
    // Each outcome is taken as it happens: a refusal that lands while the good request runs
    // must not surface as an unhandled rejection.
    const idle = Array.from({ length: 1_000 }, () => connect(socketPath, '').reply.catch((error: Error) => `error ${error.message}`));
    await goodRequestWorks('during-flood');
    const replies = await Promise.all(idle);
    const codes = replies.map((text) => (text.startsWith('{') ? (JSON.parse(text) as { error?: { code: string } }).error?.code : text));
    // Past the listen backlog (511) the kernel may refuse a connection outright (EAGAIN): refused is fine, hanging or answered is not.
    const outcomes = new Map<string, number>();
    for (const code of codes) {
      const kind = code === 'BAD_REQUEST' ? 'timed out' : /EAGAIN|ECONNREFUSED|ECONNRESET/.test(code ?? '') ? 'refused' : `other: ${code}`;
      outcomes.set(kind, (outcomes.get(kind) ?? 0) + 1);
    }
    console.info(`1,000 idle connections: ${[...outcomes].map(([kind, count]) => `${count} ${kind}`).join(', ')}`);
    expect([...outcomes.keys()].filter((kind) => kind.startsWith('other'))).toEqual([]);
    expect(performance.now() - started).toBeLessThan(8_000);
    await goodRequestWorks('after-flood');
    expect(host.stderr()).not.toContain(secret);
  });
});
