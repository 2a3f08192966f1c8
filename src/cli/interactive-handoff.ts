import type { AddressInfo } from 'node:net';
import { handoffAppName } from '../access/handoff';
import { BridgeFailure } from './bridge-failure';

/** The peers wait this long for the user to authorize in the browser. */
export const handoffTimeoutMs = 180_000;

function verifyTokenUrl(host: string, port: number, admin: boolean, extra: Record<string, string> = {}): string {
  const query = new URLSearchParams({ localAppName: handoffAppName, localPort: String(port), ...(admin ? { isAdmin: 'true' } : {}), ...extra });
  return `${host}/app/user/verify-token?${query}`;
}

/**
 * The portal's classic handoff, for `--interactive` when no browser bridge answers: a
 * one-shot listener on 127.0.0.1 receives `/?t=<token>` from the verify-token page. The token
 * stays in memory: it is used once and never written anywhere.
 */
export async function tokenFromBrowser(options: { host: string; port?: number; admin: boolean; open: (url: string) => Promise<void>; timeoutMs?: number }): Promise<string> {
  const { host, admin, open, timeoutMs = handoffTimeoutMs } = options;
  // Loaded here, not at the top: every `aws` run would pay for node:http, and only --interactive needs it.
  const { createServer } = await import('node:http');
  return new Promise((resolve, reject) => {
    const server = createServer((request, response) => {
      const token = new URL(request.url ?? '/', 'http://127.0.0.1').searchParams.get('t');
      if (!token) {
        response.writeHead(404).end();
        return;
      }
      const { port } = server.address() as AddressInfo;
      response.writeHead(302, { Location: verifyTokenUrl(host, port, admin, { success: 'true' }) }).end();
      finish(() => resolve(token));
    });
    const timer = setTimeout(
      () => finish(() => reject(new BridgeFailure('TIMEOUT', `No sign-in arrived from ${host} within ${timeoutMs / 1000} s. Run the command again and choose Authorize in the browser.`))),
      timeoutMs,
    );
    const finish = (settle: () => void) => {
      clearTimeout(timer);
      server.close();
      server.closeAllConnections();
      settle();
    };
    server.once('error', (error: NodeJS.ErrnoException) =>
      finish(() => reject(new BridgeFailure('BAD_REQUEST', `Cannot listen on 127.0.0.1:${options.port ?? 0} (${error.code ?? 'error'}); pick another --port.`))),
    );
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      open(verifyTokenUrl(host, port, admin, { redirect: 'true' })).catch(() => {
        process.stderr.write(`duplo-jit-bridge: open this address to sign in: ${verifyTokenUrl(host, port, admin, { redirect: 'true' })}\n`);
      });
    });
  });
}
