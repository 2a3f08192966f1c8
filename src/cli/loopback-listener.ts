import type { RequestListener, Server } from 'node:http';
import { BridgeFailure } from './bridge-failure';

/** An HTTP listener holding one port on every loopback address a browser may use for `localhost`. */
export interface LoopbackListener {
  readonly port: number;
  /** Stops listening on every address and drops open connections. */
  close(): void;
}

/** Random ports tried before giving up, each time another program took the second address first. */
export const loopbackAttempts = 5;

const v6 = '::1';
const v4 = '127.0.0.1';
const shown = (address: string, port: number) => (address === v6 ? `[::1]:${port}` : `${address}:${port}`);

type Bound = { server: Server } | { code: string };

async function bind(handler: RequestListener, address: string, port: number): Promise<Bound> {
  // Loaded here, not at the top: only --interactive needs node:http, and every `aws` run would pay for it.
  const { createServer } = await import('node:http');
  const server = createServer(handler);
  return new Promise((resolve) => {
    server.once('error', (error: NodeJS.ErrnoException) => resolve({ code: error.code ?? 'error' }));
    // exclusive: never share the port with another process of ours through the cluster module.
    server.listen({ host: address, port, exclusive: true }, () => resolve({ server }));
  });
}

function listener(servers: readonly Server[]): LoopbackListener {
  const { port } = servers[0]!.address() as { port: number };
  return {
    port,
    close() {
      for (const server of servers) {
        server.close();
        server.closeAllConnections();
      }
    },
  };
}

// No IPv6 on this machine: then no one can listen on ::1 either, and no browser can connect there.
const noIpv6 = (code: string) => code === 'EADDRNOTAVAIL' || code === 'EAFNOSUPPORT';

function portTaken(port: number, address: string, code: string): BridgeFailure {
  const why = code === 'EADDRINUSE' ? 'another program already listens there' : `it cannot be used (${code})`;
  return new BridgeFailure(
    'BAD_REQUEST',
    `Cannot sign in on --port ${port}: ${shown(address, port)} is not free (${why}), and the browser may send your portal token to whoever holds it, so nothing was opened. Choose another --port, or leave --port out to use any free port.`,
  );
}

/**
 * Listens on [::1] and 127.0.0.1 with the same port. Browsers resolve `localhost` to both and
 * try ::1 first, so holding only one would let another local user take the other and receive
 * the portal's redirect. Without `port`, a random one, tried again when either address is taken.
 */
export async function listenOnLoopback(handler: RequestListener, options: { port?: number; debug: (line: string) => void }): Promise<LoopbackListener> {
  const fixed = options.port;
  for (let attempt = 1; attempt <= (fixed === undefined ? loopbackAttempts : 1); attempt++) {
    const first = await bind(handler, v6, fixed ?? 0);
    if ('code' in first) {
      if (!noIpv6(first.code)) {
        if (fixed !== undefined) throw portTaken(fixed, v6, first.code);
        options.debug(`cannot listen on [::1] (${first.code}); trying another port`);
        continue;
      }
      options.debug(`this machine has no IPv6 loopback (${first.code}): listening on 127.0.0.1 alone`);
      const only = await bind(handler, v4, fixed ?? 0);
      if ('code' in only) {
        if (fixed !== undefined) throw portTaken(fixed, v4, only.code);
        throw new BridgeFailure('BAD_REQUEST', `Cannot listen on 127.0.0.1 for the sign-in (${only.code}); nothing was opened.`);
      }
      return listener([only.server]);
    }
    const port = (first.server.address() as { port: number }).port;
    const second = await bind(handler, v4, port);
    if ('server' in second) return listener([first.server, second.server]);
    first.server.close();
    if (fixed !== undefined) throw portTaken(fixed, v4, second.code);
    options.debug(`${shown(v4, port)} is taken (${second.code}); trying another port`);
  }
  throw new BridgeFailure(
    'BAD_REQUEST',
    `Could not hold one port on both 127.0.0.1 and [::1] in ${loopbackAttempts} tries: each time another program took one of them. Nothing was opened. Try again; if it keeps happening, another local user may be lying in wait for sign-ins, so tell your administrator.`,
  );
}
