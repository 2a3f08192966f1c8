import { existsSync } from 'node:fs';
import { lstat, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, type TestContext } from 'vitest';
import { ask, request, startHost, type HostProcess } from './host-process.test-support';

async function tempFolder({ onTestFinished }: TestContext): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'duplo-jit-socket-'));
  onTestFinished(() => rm(folder, { recursive: true, force: true }));
  return folder;
}

async function started({ onTestFinished }: TestContext, ...args: Parameters<typeof startHost>): Promise<HostProcess> {
  const host = await startHost(...args);
  onTestFinished(() => host.kill());
  return host;
}

/** Asks through the socket and answers as `host`'s browser, proving `host` is the one listening. */
async function relayedBy(host: HostProcess, socketPath: string, id: string): Promise<void> {
  const reply = ask(socketPath, request(id));
  const forwarded = await host.nextRequest();
  host.send({ v: 1, id: forwarded.id, ok: true, result: null });
  expect(await reply).toMatchObject({ id, ok: true });
}

describe.concurrent('the bridge socket', () => {
  it('never takes a live socket, and takes over once its owner exits', async (context) => {
    const socketPath = join(await tempFolder(context), 'bridge.sock');
    const owner = await started(context, socketPath);
    const second = await started(context, socketPath, { retryMs: 100 });
    await second.waitForLog('another host answers');
    const { ino } = await lstat(socketPath);
    await relayedBy(owner, socketPath, 'to-owner');
    expect((await lstat(socketPath)).ino).toBe(ino);

    owner.endStdin();
    await owner.exited;
    await second.waitForLog('listening on');
    await relayedBy(second, socketPath, 'to-second');
  });

  it('leaves alone a socket that belongs to some other live program', async (context) => {
    const socketPath = join(await tempFolder(context), 'bridge.sock');
    const other = createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => other.listen(socketPath, resolve));
    context.onTestFinished(() => new Promise((resolve) => other.close(() => resolve())));
    const host = await started(context, socketPath);
    expect(host.stderr()).toContain('standing by');
    host.endStdin();
    expect((await host.exited).code).toBe(0);
    expect(existsSync(socketPath)).toBe(true);
  });
});
