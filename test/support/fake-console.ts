import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { selfSignedCertificate } from './self-signed';

export interface FakeConsole {
  /** `127.0.0.1:PORT`, for `--host-resolver-rules=MAP *.console.aws.amazon.com …`. */
  readonly listening: string;
  /** Every request so far, as `host/path` (no query: a page's query is the test's own). */
  readonly seen: readonly string[];
  stop(): Promise<void>;
}

/**
 * Stands in for the AWS console's pages over TLS (the browser runs with
 * --ignore-certificate-errors): every path answers a page titled after its host, so a test
 * can take a tab through regional and multi-session console hosts, and see which it asked for.
 */
export async function startFakeConsole(): Promise<FakeConsole> {
  const seen: string[] = [];
  const server = createServer(await selfSignedCertificate('console.aws.amazon.com'), (request, response) => {
    const host = String(request.headers.host ?? '').replace(/[^a-z0-9.:-]/gi, '');
    seen.push(`${host}${new URL(request.url ?? '/', 'https://x').pathname}`);
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(`<!doctype html><title>Console Home</title><main id="fake-console" data-host="${host}">AWS console (fake)</main>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    listening: `127.0.0.1:${port}`,
    seen,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
