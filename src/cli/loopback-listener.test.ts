import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { plant } from '../../test/support/loopback-request';
import { listenOnLoopback } from './loopback-listener';

const held: Server[] = [];
afterEach(() => held.splice(0).forEach((server) => server.close()));

/** Another program holding `address:port` (0: any port); the port. */
async function occupy(address: string, port = 0): Promise<number> {
  const server = createServer();
  held.push(server);
  await new Promise<void>((resolve) => server.listen(port, address, resolve));
  return (server.address() as { port: number }).port;
}

const answer = (_request: unknown, response: { end(text: string): void }) => response.end('ok');

describe('listenOnLoopback', () => {
  it('holds one random port on both 127.0.0.1 and [::1] until closed', async () => {
    const listener = await listenOnLoopback(answer, { debug: () => {} });
    expect([await plant(listener.port, { path: '/' }), await plant(listener.port, { path: '/', address: '::1' })]).toEqual([200, 200]);
    listener.close();
    expect(await plant(listener.port, { path: '/', address: '::1' })).toBe('ECONNREFUSED');
  });

  it('with --port, refuses a port another program holds on either address, naming it', async () => {
    const v6 = await occupy('::1');
    await expect(listenOnLoopback(answer, { port: v6, debug: () => {} })).rejects.toThrow(`Cannot sign in on --port ${v6}: [::1]:${v6} is not free (another program already listens there)`);
    const v4 = await occupy('127.0.0.1');
    await expect(listenOnLoopback(answer, { port: v4, debug: () => {} })).rejects.toThrow(`Cannot sign in on --port ${v4}: 127.0.0.1:${v4} is not free (another program already listens there)`);
    // Nothing of ours stays behind on the address that was free.
    expect(await plant(v4, { path: '/', address: '::1' })).toBe('ECONNREFUSED');
  });
});
