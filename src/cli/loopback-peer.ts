import { readFile } from 'node:fs/promises';

/** One end of a TCP connection on this machine, as Node's socket names it. */
export interface LoopbackConnection {
  readonly remoteAddress?: string | undefined;
  readonly remotePort?: number | undefined;
  readonly localPort?: number | undefined;
}

const hexPort = (port: number) => port.toString(16).toUpperCase().padStart(4, '0');

/**
 * The Unix users owning the client end of a loopback connection to us, from the kernel's table
 * of TCP sockets (/proc/net/tcp, tcp6: the `uid` column of the line whose local end is the
 * peer and whose remote end is us). Empty where that table cannot be read (not Linux) or holds
 * no such line: then nothing is known. Matched on the two ports, so it may name more than one.
 */
export async function loopbackPeerUids(connection: LoopbackConnection, procNet = '/proc/net'): Promise<number[]> {
  const { remoteAddress, remotePort, localPort } = connection;
  if (remoteAddress === undefined || remotePort === undefined || localPort === undefined) return [];
  const table = await readFile(`${procNet}/${remoteAddress.includes(':') ? 'tcp6' : 'tcp'}`, 'utf8').catch(() => '');
  const peer = `:${hexPort(remotePort)}`;
  const us = `:${hexPort(localPort)}`;
  const uids: number[] = [];
  // sl local_address rem_address st tx:rx tr:when retrnsmt uid ...
  for (const line of table.split('\n').slice(1)) {
    const fields = line.trim().split(/\s+/);
    if (fields[1]?.endsWith(peer) && fields[2]?.endsWith(us) && fields[7] !== undefined) uids.push(Number(fields[7]));
  }
  return uids;
}
