import type { Socket } from 'node:net';
import type { Peer } from '../bridge/protocol';
import { coalesced, runSs, socketInode } from './peer-inode';
import { executables, holds, scanSocketHolders } from './peer-process';

/** Past this, a request goes on unverified rather than eat into the CLI's 58 s (it then gets asked, never waved through). */
const identifyBudgetMs = 2_000;

export const unverifiedPeer: Peer = { verified: false, pid: 0, exe: '', parentExe: '' };

/** The descriptor libuv holds for an accepted connection; Node has it on the handle but not in its types. */
function descriptorOf(socket: Socket): number | undefined {
  const handle: unknown = Reflect.get(socket, '_handle');
  const fd: unknown = typeof handle === 'object' && handle !== null ? Reflect.get(handle, 'fd') : undefined;
  return typeof fd === 'number' && fd >= 0 ? fd : undefined;
}

/**
 * Finds which program is at the other end of a connection, from the kernel rather than from
 * what the client says: our socket's inode (/proc/self/fd), its peer's inode (`ss`), the
 * process holding that inode, and the executables of it and its parent. Linux only; anything
 * it cannot establish makes the peer unverified, and the extension then never reuses an
 * "ask once" yes for it.
 */
export function createPeerIdentifier(log: (line: string) => void, budgetMs = identifyBudgetMs) {
  const peerInodes = coalesced(runSs);
  const socketHolders = coalesced(scanSocketHolders);
  const said = new Set<string>();
  // Once per kind of trouble: without `ss` every request would say it again.
  const note = (line: string) => {
    if (!said.has(line)) log(line);
    said.add(line);
  };

  const identify = async (socket: Socket, claimedPid: number): Promise<Peer> => {
    const fd = descriptorOf(socket);
    const local = fd === undefined ? undefined : await socketInode(fd);
    const peerInode = local === undefined ? undefined : (await peerInodes()).get(local);
    if (peerInode === undefined) return unverifiedPeer;
    const pid = claimedPid > 0 && (await holds(claimedPid, peerInode)) ? claimedPid : (await socketHolders()).get(peerInode);
    if (pid === undefined) return unverifiedPeer;
    return { verified: true, pid, ...(await executables(pid)) };
  };

  return async (socket: Socket, claimedPid: number): Promise<Peer> => {
    if (process.platform !== 'linux') return unverifiedPeer;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<Peer>((resolve) => {
      timer = setTimeout(() => {
        note(`finding which program is connected took over ${budgetMs / 1000} s; such requests count as unverified`);
        resolve(unverifiedPeer);
      }, budgetMs);
    });
    try {
      return await Promise.race([identify(socket, claimedPid), late]);
    } catch (error) {
      note(`cannot tell which program is connected (${error instanceof Error ? error.message : String(error)}); its requests count as unverified`);
      return unverifiedPeer;
    } finally {
      clearTimeout(timer);
    }
  };
}
export type PeerIdentifier = ReturnType<typeof createPeerIdentifier>;
