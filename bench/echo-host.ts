import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createNativeDecoder, encodeNativeMessage } from '../src/bridge/native-framing';
import { cliBundle } from '../test/support/run-cli';

export interface EchoHost {
  readonly socket: string;
  close(): Promise<void>;
}

/**
 * The real native host (`duplo-jit-bridge host`) with this process in the browser's place:
 * each request it relays is answered at once on its stdin. A request over its socket then
 * costs the socket and the host, without Chromium's native messaging or the service worker.
 */
export async function startEchoHost(): Promise<EchoHost> {
  const dir = await mkdtemp(join(tmpdir(), 'duplo-jit-echo-'));
  const socket = join(dir, 'bridge.sock');
  const host = spawn(process.execPath, [cliBundle, 'host', 'chrome-extension://bench/'], {
    env: { ...process.env, DUPLO_JIT_BRIDGE_SOCKET: socket },
    stdio: ['pipe', 'pipe', 'ignore'],
  });
  const decoder = createNativeDecoder({ maxBytes: 1024 * 1024 });
  host.stdout.on('data', (chunk: Buffer) => {
    for (const item of decoder.push(chunk)) {
      const id = item.ok && typeof item.value === 'object' && item.value !== null && 'id' in item.value ? item.value.id : '';
      host.stdin.write(encodeNativeMessage({ v: 1, id, ok: true, result: { portal: 'bench', session: 'signed-in' } }));
    }
  });
  const deadline = performance.now() + 10_000;
  while (!existsSync(socket)) {
    if (performance.now() > deadline) throw new Error('echo host: no socket');
    await sleep(5);
  }
  return {
    socket,
    async close() {
      // The host exits when its "browser" closes its stdin, as it does when Chromium goes.
      const exited = new Promise((resolve) => host.once('exit', resolve));
      host.stdin.end();
      await exited;
      await rm(dir, { recursive: true, force: true });
    },
  };
}
