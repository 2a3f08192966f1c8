import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { selfSignedCertificate } from './self-signed';

export interface KubeApiServer {
  readonly url: string;
  /** The server's certificate in base64, as a portal's `CertificateAuthorityDataBase64`. */
  readonly caBase64: string;
  /** Bearer tokens of the requests it answered, in order. */
  readonly accepted: string[];
  stop(): Promise<void>;
}

/** What it answers at /version, as a real API server does. */
export const kubeVersion = { major: '1', minor: '29', gitVersion: 'v1.29.0-duplo-demo', platform: 'linux/amd64' };

/** A stand-in Kubernetes API server over TLS: /version for a token `accepts` takes, 401 otherwise. */
export async function startKubeApiServer(accepts: (token: string) => boolean): Promise<KubeApiServer> {
  const { key, cert } = await selfSignedCertificate('127.0.0.1');
  const accepted: string[] = [];
  const server = createServer({ key, cert }, (request, response) => {
    const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    const ok = token !== undefined && accepts(token);
    if (ok) accepted.push(token);
    const [status, body] = !ok ? [401, { kind: 'Status', apiVersion: 'v1', status: 'Failure', message: 'Unauthorized', code: 401 }] : request.url === '/version' ? [200, kubeVersion] : [404, { kind: 'Status', code: 404 }];
    response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${port}`,
    caBase64: Buffer.from(cert).toString('base64'),
    accepted,
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
