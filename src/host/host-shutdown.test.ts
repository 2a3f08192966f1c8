import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it, type TestContext } from 'vitest';
import { encodeNativeMessage } from '../bridge/native-framing';
import { ask, request, startHost, type HostProcess } from './host-process.test-support';

/** A host with `count` clients waiting for answers the browser will never give. */
async function hostWithWaitingClients({ onTestFinished }: TestContext, count: number): Promise<{ host: HostProcess; socketPath: string; replies: Promise<Record<string, unknown>>[] }> {
  const folder = await mkdtemp(join(tmpdir(), 'duplo-jit-host-'));
  const socketPath = join(folder, 'bridge', 'bridge.sock');
  const host = await startHost(socketPath);
  onTestFinished(async () => {
    host.kill();
    await rm(folder, { recursive: true, force: true });
  });
  const replies = Array.from({ length: count }, (_, n) => ask(socketPath, request(`wait-${n}`)));
  await Promise.all(replies.map(() => host.nextRequest()));
  return { host, socketPath, replies };
}

async function expectCleanExit(host: HostProcess, socketPath: string, replies: Promise<Record<string, unknown>>[], code: number) {
  const started = performance.now();
  const answers = await Promise.all(replies);
  answers.forEach((answer, n) => expect(answer).toMatchObject({ id: `wait-${n}`, ok: false, error: { code: 'NO_BROWSER' } }));
  const exit = await host.exited;
  expect(exit.code).toBe(code);
  expect(exit.at - started).toBeLessThan(1_000);
  expect(existsSync(socketPath)).toBe(false);
}

const browserPid = (socketPath: string) => join(dirname(socketPath), 'browser.pid');

describe.concurrent('the native host shutting down', () => {
  it('answers NO_BROWSER, removes its socket and exits within 1 s when stdin ends', async (context) => {
    const { host, socketPath, replies } = await hostWithWaitingClients(context, 3);
    expect(existsSync(browserPid(socketPath))).toBe(true);
    host.endStdin();
    await expectCleanExit(host, socketPath, replies, 0);
    expect(existsSync(browserPid(socketPath))).toBe(false);
  });

  it('does the same on SIGTERM', async (context) => {
    const { host, socketPath, replies } = await hostWithWaitingClients(context, 1);
    expect(existsSync(browserPid(socketPath))).toBe(true);
    host.signal('SIGTERM');
    await expectCleanExit(host, socketPath, replies, 0);
    expect(existsSync(browserPid(socketPath))).toBe(false);
  });

  it("leaves a browser.pid that names another host's browser", async (context) => {
    const { host, socketPath, replies } = await hostWithWaitingClients(context, 1);
    await writeFile(browserPid(socketPath), '4242\n');
    host.endStdin();
    await expectCleanExit(host, socketPath, replies, 0);
    expect(existsSync(browserPid(socketPath))).toBe(true);
  });

  it('survives garbage on stdin until a length it cannot trust, then exits cleanly', async (context) => {
    const { host, socketPath, replies } = await hostWithWaitingClients(context, 1);
    host.writeStdin(Uint8Array.of(1, 0, 0, 0, 0xc3, 0, 0, 0, 0));
    host.send('not a response');
    await host.waitForLog('not a bridge response');
    host.writeStdin(Uint8Array.of(0xff, 0xff, 0xff, 0x7f, 0x7b));
    await expectCleanExit(host, socketPath, replies, 1);
    expect(host.stderr()).toContain('cannot be resynchronised');
  });

  it('exits cleanly when stdin ends in the middle of a frame', async (context) => {
    const { host, socketPath, replies } = await hostWithWaitingClients(context, 1);
    host.writeStdin(encodeNativeMessage({ v: 1, id: 'h1', ok: true, result: {} }).subarray(0, 7));
    host.endStdin();
    await expectCleanExit(host, socketPath, replies, 0);
    expect(host.stderr()).toContain('cut short');
  });
});
