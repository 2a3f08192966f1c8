import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll } from 'vitest';

export interface RecordingServer {
  /** `http://HOST:PORT`. */
  readonly url: string;
  /** Every request it received: a test that expects none proves no token went there. */
  readonly seen: IncomingMessage[];
}

/** A server standing for another host (a thief), started for the file's tests. */
export function useRecordingServer(host = '127.0.0.1'): RecordingServer {
  const server = createServer((request, response) => {
    seen.push(request);
    response.end('{}');
  });
  const seen: IncomingMessage[] = [];
  let url = '';
  beforeAll(() => new Promise<void>((resolve) => server.listen(0, host, resolve)).then(() => {
    url = `http://${host}:${(server.address() as AddressInfo).port}`;
  }));
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return {
    get url() {
      return url;
    },
    seen,
  };
}
