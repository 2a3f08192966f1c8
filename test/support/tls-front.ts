import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:tls';
import { promisify } from 'node:util';

export interface TlsFront {
  /** The port the TLS front listens on (127.0.0.1). */
  readonly port: number;
  close(): Promise<void>;
}

/**
 * A TLS front for a loopback HTTP server, with a throwaway self-signed certificate, so that a
 * browser started with `--ignore-certificate-errors` and
 * `--host-resolver-rules=MAP <name> 127.0.0.1:<port>` sees the server as `https://<name>`
 * (browser-testing.md): the production origin of a portal, `https://<name>.duplocloud.net`.
 */
export async function startTlsFront(target: { host: string; port: number }): Promise<TlsFront> {
  const dir = await mkdtemp(join(tmpdir(), 'duplo-jit-tls-'));
  try {
    await promisify(execFile)('openssl', [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=duplo-jit-bridge test',
      '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
    ]);
    const [key, cert] = await Promise.all([readFile(join(dir, 'key.pem')), readFile(join(dir, 'cert.pem'))]);
    const server = createServer({ key, cert }, (socket) => {
      const upstream = connect(target.port, target.host);
      socket.pipe(upstream).pipe(socket);
      const end = () => {
        socket.destroy();
        upstream.destroy();
      };
      socket.on('error', end);
      upstream.on('error', end);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return {
      port: (server.address() as AddressInfo).port,
      close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
