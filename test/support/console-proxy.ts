import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';

export interface ConsoleProxy {
  /** The Firefox prefs that send every console host (and nothing else) through this proxy. */
  readonly prefs: Readonly<Record<string, string | number>>;
  stop(): Promise<void>;
}

/** The PAC script: console hosts through the proxy, the portal and everything else straight. */
function pacScript(port: number): string {
  return `function FindProxyForURL(url, host) { return dnsDomainIs(host, '.console.aws.amazon.com') ? 'PROXY 127.0.0.1:${port}' : 'DIRECT'; }`;
}

/**
 * Firefox's stand-in for Chromium's --host-resolver-rules, which it lacks: a local HTTP proxy
 * whose every CONNECT tunnel goes to the fake console (`127.0.0.1:PORT`), picked by a PAC
 * script given as a data: URL (test/browser-facts.md, "Firefox").
 */
export async function startConsoleProxy(fakeConsole: string): Promise<ConsoleProxy> {
  const [fakeHost, fakePort] = fakeConsole.split(':') as [string, string];
  const sockets = new Set<Socket>();
  const server: Server = createServer((_request, response) => response.writeHead(405).end());
  server.on('connect', (_request, client: Socket, head: Buffer) => {
    const upstream = connect(Number(fakePort), fakeHost, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => socket.destroy());
      socket.on('close', () => sockets.delete(socket));
    }
    upstream.on('close', () => client.destroy());
    client.on('close', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    prefs: { 'network.proxy.type': 2, 'network.proxy.autoconfig_url': `data:text/javascript,${encodeURIComponent(pacScript(port))}` },
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
