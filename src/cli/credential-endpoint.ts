import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { toContainerCredentials } from '../aws/container-credentials';
import type { CredentialProcessOutput } from '../aws/credential-process';

export interface EndpointOptions {
  /** Where to listen; loopback unless `serve --listen` says otherwise. */
  readonly host: string;
  readonly port: number;
  /** Only with `serve --listen`: answer other machines' connections too (a container's), still only with the secret. */
  readonly acceptRemote: boolean;
  /** The exact `Authorization` value a request must carry. */
  readonly secret: string;
  readonly keys: () => Promise<CredentialProcessOutput>;
  /** The words for a failure to get keys, with a stable code: the SDK shows the message. */
  readonly describe: (error: unknown) => { code: string; message: string };
}

export interface CredentialEndpoint {
  /** The value for AWS_CONTAINER_CREDENTIALS_FULL_URI. */
  readonly url: string;
  close(): Promise<void>;
}

/** Whether an address (a peer's, or one to listen on) is this machine's loopback. */
export const isLoopbackAddress = (address: string | undefined): boolean =>
  address !== undefined && (address === 'localhost' || address === '::1' || /^(::ffff:)?127\.\d+\.\d+\.\d+$/.test(address));

function sameSecret(given: string | string[] | undefined, secret: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

function reply(response: ServerResponse, status: number, body?: unknown): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' });
  response.end(text);
}

/**
 * The container credential endpoint: one path, GET only, answering the keys to requests that
 * carry the secret and come from this machine (or, with `acceptRemote`, a container). Anything
 * else gets a bare 403: no hint of what was wrong for someone probing the port.
 */
export async function startCredentialEndpoint(options: EndpointOptions): Promise<CredentialEndpoint> {
  const answer = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    if (!(options.acceptRemote || isLoopbackAddress(request.socket.remoteAddress)) || !sameSecret(request.headers.authorization, options.secret)) {
      reply(response, 403);
      return;
    }
    if (request.method !== 'GET' || request.url !== '/') {
      reply(response, 404, { code: 'NOT_FOUND', message: 'the credentials are at /, by GET' });
      return;
    }
    try {
      reply(response, 200, toContainerCredentials(await options.keys()));
    } catch (error) {
      reply(response, 500, options.describe(error));
    }
  };
  // Loaded here: every command in the second file (aws --token among them) would pay for it otherwise.
  const { createServer } = await import('node:http');
  const server = createServer((request, response) => void answer(request, response));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${host}:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
