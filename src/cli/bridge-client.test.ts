import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { maxResponseLineBytes } from '../bridge/line-framing';
import { request } from '../host/host-process.test-support';
import { askBridge } from './bridge-client';

const hosts: { dir: string; server: Server }[] = [];

afterEach(async () => {
  for (const { dir, server } of hosts.splice(0)) {
    await new Promise((resolve) => server.close(resolve));
    await rm(dir, { recursive: true, force: true });
  }
});

/** A host that reads the request line, then writes `parts` one by one and closes. */
async function hostAnswering(...parts: (string | Uint8Array)[]): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'duplo-jit-client-'));
  const socket = join(dir, 'bridge.sock');
  const server = createServer((connection) => {
    connection.once('data', () => {
      for (const part of parts) connection.write(part);
      connection.end();
    });
  });
  hosts.push({ dir, server });
  await new Promise<void>((resolve) => server.listen(socket, resolve));
  return socket;
}

const bytes = (text: string) => new TextEncoder().encode(text);
const answer = (message: string) => `${JSON.stringify({ v: 1, id: 'r1', ok: false, error: { code: 'PORTAL_ERROR', message } })}\n`;

describe('askBridge reading the answer line', () => {
  it('takes an answer whose multi-byte characters arrive split across writes', async () => {
    const line = bytes(answer('é€😀'));
    const cut = line.indexOf(0xf0) + 2;
    const socket = await hostAnswering(line.subarray(0, cut), line.subarray(cut));
    expect(await askBridge(socket, request('r1'), 5_000)).toEqual({ v: 1, id: 'r1', ok: false, error: { code: 'PORTAL_ERROR', message: 'é€😀' } });
  });

  it('counts the cap in bytes, so an answer under it in characters but over it in bytes is refused', async () => {
    const message = '€'.repeat(Math.ceil(maxResponseLineBytes / 3));
    expect(answer(message).length).toBeLessThan(maxResponseLineBytes);
    const socket = await hostAnswering(answer(message));
    await expect(askBridge(socket, request('r1'), 5_000)).rejects.toMatchObject({ code: 'BAD_REQUEST', message: 'The bridge sent an answer too large to be one.' });
  });

  it('refuses an answer that is not UTF-8 instead of reading it with replacement characters', async () => {
    const line = bytes(answer('x'));
    line[line.indexOf(0x78)] = 0xff;
    const socket = await hostAnswering(line);
    await expect(askBridge(socket, request('r1'), 5_000)).rejects.toMatchObject({ code: 'BAD_REQUEST', message: 'The bridge sent an answer that is not UTF-8 text.' });
  });

  it('refuses an answer that is not JSON, or not in the protocol form', async () => {
    await expect(askBridge(await hostAnswering('{"v":\n'), request('r1'), 5_000)).rejects.toMatchObject({ code: 'BAD_REQUEST', message: 'The bridge sent an answer that is not JSON.' });
    await expect(askBridge(await hostAnswering('{"v":1}\n'), request('r1'), 5_000)).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'The bridge sent an answer in an unknown form; update duplo-jit-bridge and the extension together.',
    });
  });

  it('calls a close before the newline, with or without bytes, a dropped request', async () => {
    for (const parts of [[], ['{"v":1,"id":"r1"']]) {
      const socket = await hostAnswering(...parts);
      await expect(askBridge(socket, request('r1'), 5_000)).rejects.toMatchObject({ code: 'NO_BROWSER', dropped: true, message: expect.stringMatching(/^The browser bridge stopped before answering/) });
    }
  });
});
