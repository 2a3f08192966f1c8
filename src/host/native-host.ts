import type { Socket } from 'node:net';
import type { Readable, Writable } from 'node:stream';
import { createNativeDecoder, encodeNativeMessage } from '../bridge/native-framing';
import { BridgeResponseSchema, IdentifyMessageSchema, protocolVersion, type ForwardedRequest, type PeerMessage } from '../bridge/protocol';
import { serveClient, type Client } from './client-connection';
import { recordBrowserPid, removeBrowserPid } from '../rendezvous/browser-pid';
import { createPeerIdentifier, unverifiedPeer } from './peer-identity';
import { holdSocket } from './socket-ownership';
import { bridgeSocketPath, isNamedPipe } from '../rendezvous/socket-path';

export interface HostIo {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
}

export interface HostOptions {
  socketPath?: string;
  /** The extension's own approval prompt gives up at 45 s, and the Go SDK gives a credential_process 60 s. */
  answerTimeoutMs?: number;
  /** How long a client has to send its request line. */
  readTimeoutMs?: number;
  /** How often a host without the socket tries to take it over. */
  retryMs?: number;
}

/** The extension's answers are a few KB; past this the stream is assumed corrupt. */
const maxBrowserToHostBytes = 8 * 1024 * 1024;
/** How long answered clients get to close, out of the 1 s we allow ourselves to exit (the browser kills the host 2 s after stdin ends). */
const closeGraceMs = 250;
const noBrowser = 'The browser closed its connection to duplo-jit-bridge (the browser or its extension stopped). Start the browser, then retry.';

/**
 * The native-messaging host: relays each CLI request from the socket to the extension on
 * stdout, under a host-side id so two clients using the same id cannot collide, and the
 * extension's response from stdin back to that client. Messages from the extension that are
 * not responses are logged and ignored. Resolves with the exit code once the browser is gone
 * (stdin ended), the browser's stream is corrupt, or on SIGTERM/SIGINT; by then the socket
 * is removed and every waiting client has its NO_BROWSER answer.
 */
export function runHost(origin: string, io: HostIo = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr }, options: HostOptions = {}): Promise<number> {
  const { socketPath = bridgeSocketPath(), answerTimeoutMs = 55_000, readTimeoutMs = 5_000, retryMs = 2_000 } = options;
  // Logs name ids, ops and codes only: the credentials this host relays never reach them.
  const log = (line: string) => io.stderr.write(`duplo-jit-bridge host ${process.pid}: ${line}\n`);
  io.stderr.on('error', () => undefined);
  log(`started for ${origin || 'no origin'}`);

  const pending = new Map<string, Client>();
  const clients = new Set<Client>();
  const sockets = new Set<Socket>();
  let lastId = 0;
  let shuttingDown = false;

  const identifyPeer = createPeerIdentifier(log);

  const forward = (request: ForwardedRequest, client: Client) => {
    const hostId = `h${++lastId}`;
    pending.set(hostId, client);
    // Cannot pass the 1 MB limit: every field of a parsed request is capped, the whole under 10 KB.
    io.stdout.write(encodeNativeMessage({ ...request, id: hostId }));
    return hostId;
  };

  const onConnection = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    const client: Client = serveClient(socket, {
      readTimeoutMs,
      answerTimeoutMs,
      log,
      identify: (request) => identifyPeer(socket, request.client.pid),
      forward: (request) => forward(request, client),
      onSettled: (hostId) => {
        clients.delete(client);
        if (hostId !== undefined) pending.delete(hostId);
      },
    });
    clients.add(client);
    if (shuttingDown) client.fail('NO_BROWSER', noBrowser);
  };

  // Asked only for a request whose answer depends on who asks (an approval), after it was forwarded.
  const identify = (id: string) => {
    const client = pending.get(id);
    void (client ? client.peer() : Promise.resolve(unverifiedPeer)).then((peer) => {
      const reply: PeerMessage = { v: protocolVersion, type: 'peer', id, peer };
      if (!shuttingDown) io.stdout.write(encodeNativeMessage(reply));
    });
  };

  const receive = (message: unknown) => {
    const identifying = IdentifyMessageSchema.safeParse(message);
    if (identifying.success) return identify(identifying.data.id);
    const parsed = BridgeResponseSchema.safeParse(message);
    if (!parsed.success) return log('ignored a message from the extension that is not a bridge response');
    const client = pending.get(parsed.data.id);
    if (client === undefined) return log(`dropped an answer for ${JSON.stringify(parsed.data.id.slice(0, 100))}: no client waits for it (timed out or left)`);
    client.answer(parsed.data);
  };

  const ownership = holdSocket({
    path: socketPath,
    onConnection,
    retryMs,
    log,
    onClaimed: async () => {
      if (!isNamedPipe(socketPath)) await recordBrowserPid(socketPath, process.ppid).catch((error: Error) => log(`cannot record the browser's pid: ${error.message}`));
    },
    // Only while the socket is still ours, and only the browser we recorded: another live host's record stays.
    onReleasing: async () => {
      if (!isNamedPipe(socketPath)) await removeBrowserPid(socketPath, process.ppid);
    },
  });

  return new Promise((resolve) => {
    const shutdown = async (reason: string, code: number) => {
      if (shuttingDown) return;
      shuttingDown = true;
      log(reason);
      process.off('SIGTERM', onSignal).off('SIGINT', onSignal);
      for (const client of clients) client.fail('NO_BROWSER', noBrowser);
      await ownership.release();
      const deadline = Date.now() + closeGraceMs;
      while (sockets.size > 0 && Date.now() < deadline) await new Promise((tick) => setTimeout(tick, 10));
      for (const socket of sockets) socket.destroy();
      io.stdin.destroy();
      resolve(code);
    };
    const onSignal = (signal: NodeJS.Signals) => void shutdown(`received ${signal}; exiting`, 0);
    process.once('SIGTERM', onSignal).once('SIGINT', onSignal);

    const decoder = createNativeDecoder({ maxBytes: maxBrowserToHostBytes });
    io.stdin.on('data', (chunk: Buffer) => {
      if (shuttingDown) return;
      for (const item of decoder.push(chunk)) {
        if (item.ok) receive(item.value);
        else if (item.reason === 'too-long') return void shutdown(`the browser sent a length over ${maxBrowserToHostBytes} bytes; the stream cannot be resynchronised, exiting`, 1);
        else log(`ignored a message from the browser: ${item.reason}`);
      }
    });
    io.stdin.on('end', () => {
      if (decoder.end() !== undefined) log("the browser's last message was cut short");
      void shutdown('the browser closed the connection; exiting', 0);
    });
    io.stdin.on('error', (error) => void shutdown(`reading from the browser failed (${error.message}); exiting`, 1));
    io.stdout.on('error', (error) => void shutdown(`writing to the browser failed (${error.message}); exiting`, 1));
  });
}
