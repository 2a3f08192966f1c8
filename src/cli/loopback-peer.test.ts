import { createConnection, createServer, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { loopbackPeerUids } from './loopback-peer';

/** The server's end of one connection this process makes to itself over `address`. */
async function connectToSelf(address: string): Promise<{ accepted: Socket; close: () => void }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, address, resolve));
  const accepted = new Promise<Socket>((resolve) => server.once('connection', resolve));
  const client = createConnection((server.address() as { port: number }).port, address);
  const socket = await accepted;
  return { accepted: socket, close: () => (client.destroy(), socket.destroy(), server.close()) };
}

describe.skipIf(process.platform !== 'linux')('loopbackPeerUids', () => {
  it.each(['127.0.0.1', '::1'])('names this process\'s own user as the owner of a connection to itself over %s', async (address) => {
    const { accepted, close } = await connectToSelf(address);
    try {
      // Matched on the two ports, so a closed socket that used them may be listed too (seen under load): every one is ours.
      expect(new Set(await loopbackPeerUids(accepted))).toEqual(new Set([process.getuid?.()]));
    } finally {
      close();
    }
  });

  it('knows nothing where the socket table cannot be read', async () => {
    const { accepted, close } = await connectToSelf('127.0.0.1');
    try {
      expect(await loopbackPeerUids(accepted, '/nonexistent')).toEqual([]);
    } finally {
      close();
    }
  });
});
