import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { selfSignedCertificate } from './self-signed';

export interface FakeConsole {
  /** Where it listens, `127.0.0.1:PORT`, for `--host-resolver-rules`. */
  readonly listening: string;
  stop(): Promise<void>;
}

/**
 * Stands in for AWS console pages (`*.console.aws.amazon.com`, mapped here by the browser's
 * `--host-resolver-rules`): every path answers a small page, so a tab can sit on a console URL.
 */
export async function startFakeConsole(): Promise<FakeConsole> {
  const server = createServer(await selfSignedCertificate('console.aws.amazon.com'), (_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end('<!doctype html><title>AWS console (fake)</title><main id="fake-console">console page</main>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    listening: `127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
