import { spawn } from 'node:child_process';
import { createConnection, type Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { extensionOrigin } from '../bridge/extension-id';
import { createNativeDecoder, encodeNativeMessage } from '../bridge/native-framing';
import type { BridgeRequest, ForwardedRequest, PeerMessage } from '../bridge/protocol';
import type { HostOptions } from './native-host';

/** Test harness: a real host process, with the test as its browser (stdin/stdout) and its CLI clients (the socket). */
export interface HostProcess {
  /** The next request the host forwarded to the browser. */
  nextRequest(): Promise<ForwardedRequest>;
  /** Asks the host which program sent request `hostId`, as the extension does, and returns its peer message. */
  identify(hostId: string): Promise<PeerMessage>;
  /** Sends a native message to the host, as the extension would. */
  send(message: unknown): void;
  writeStdin(bytes: Uint8Array): void;
  endStdin(): void;
  stderr(): string;
  waitForLog(text: string): Promise<void>;
  /** When the process exited (performance.now()) and with what code, once its output is all read. */
  readonly exited: Promise<{ code: number | null; at: number }>;
  signal(name: NodeJS.Signals): void;
  kill(): void;
}

const mainEntry = fileURLToPath(new URL('./main.ts', import.meta.url));
const nativeHost = fileURLToPath(new URL('./native-host.ts', import.meta.url));
// The real entry cannot take options; this one passes the test's short time-outs to runHost.
const withOptions = `import { runHost } from ${JSON.stringify(nativeHost)};
process.exitCode = await runHost(process.argv[1], undefined, JSON.parse(process.env.HOST_TEST_OPTIONS));`;

/** Starts a host on `socketPath` and waits until it listens or stands by; without options it runs main.ts. */
export async function startHost(socketPath: string, options?: HostOptions): Promise<HostProcess> {
  const args = options ? ['--import', 'tsx', '--input-type=module', '-e', withOptions, extensionOrigin] : ['--import', 'tsx', mainEntry, extensionOrigin];
  const child = spawn(process.execPath, args, {
    env: { ...process.env, DUPLO_JIT_BRIDGE_SOCKET: socketPath, HOST_TEST_OPTIONS: JSON.stringify(options ?? {}) },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let exitedAt = 0;
  child.on('exit', () => (exitedAt = performance.now()));
  // 'close' waits for stdout and stderr to drain, so the last log lines are in by then.
  const exited = new Promise<{ code: number | null; at: number }>((resolve) => child.on('close', (code) => resolve({ code, at: exitedAt })));
  let log = '';
  const logWaiters = new Set<() => void>();
  child.stderr.setEncoding('utf8').on('data', (text: string) => {
    log += text;
    for (const wake of logWaiters) wake();
  });
  const waitForLog = (text: string) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (!log.includes(text)) return;
        logWaiters.delete(check);
        resolve();
      };
      logWaiters.add(check);
      check();
      void exited.then(() => reject(new Error(`host exited before logging "${text}":\n${log}`)));
    });

  const decoder = createNativeDecoder({ maxBytes: 1024 * 1024 });
  // Everything the host writes to the browser, in order: forwarded requests and peer messages.
  const received: unknown[] = [];
  const requestWaiters: ((message: unknown) => void)[] = [];
  child.stdout.on('data', (chunk: Buffer) => {
    for (const item of decoder.push(chunk)) {
      if (!item.ok) throw new Error(`host wrote a bad frame: ${item.reason}`);
      const waiter = requestWaiters.shift();
      if (waiter) waiter(item.value);
      else received.push(item.value);
    }
  });
  child.stdin.on('error', () => undefined);

  const next = (): Promise<unknown> => (received.length > 0 ? Promise.resolve(received.shift()) : new Promise((resolve) => requestWaiters.push(resolve)));

  await Promise.race([waitForLog('listening on'), waitForLog('standing by')]);
  return {
    nextRequest: () => next() as Promise<ForwardedRequest>,
    identify: (hostId) => {
      child.stdin.write(encodeNativeMessage({ v: 1, type: 'identify', id: hostId }));
      return next() as Promise<PeerMessage>;
    },
    send: (message) => child.stdin.write(encodeNativeMessage(message)),
    writeStdin: (bytes) => child.stdin.write(bytes),
    endStdin: () => child.stdin.end(),
    stderr: () => log,
    waitForLog,
    exited,
    signal: (name) => child.kill(name),
    kill: () => child.kill('SIGKILL'),
  };
}

export function request(id: string, scope = 'dev'): BridgeRequest {
  return { v: 1, id, op: 'aws-credentials', portal: 'https://portal.example.com', scope, client: { pid: process.pid, ppid: process.ppid, command: 'aws sts get-caller-identity' } };
}

/** A CLI connection that has sent `payload`; `reply` is everything the host wrote before closing. */
export function connect(socketPath: string, payload: string): { socket: Socket; reply: Promise<string> } {
  const socket = createConnection(socketPath);
  socket.write(payload);
  let text = '';
  socket.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
  const reply = new Promise<string>((resolve, reject) => {
    socket.on('close', () => resolve(text));
    socket.on('error', reject);
  });
  return { socket, reply };
}

/** One request, one parsed response line. */
export async function ask(socketPath: string, payload: BridgeRequest | string): Promise<Record<string, unknown>> {
  const line = typeof payload === 'string' ? payload : `${JSON.stringify(payload)}\n`;
  const text = await connect(socketPath, line).reply;
  return JSON.parse(text) as Record<string, unknown>;
}
