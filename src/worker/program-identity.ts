import type { BridgeRequest, ForwardedRequest, Peer } from '../bridge/protocol';

/** Who asks, as shown and as "ask once" remembers it. */
export interface Program {
  /** The asking program's executable name (the CLI's parent), never its arguments: they can hold secrets. */
  readonly name: string;
  /** The host's findings; unverified when it could not establish them (then the name is what the client says). */
  readonly peer: Peer;
}

const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1);

const unverified: Peer = { verified: false, pid: 0, exe: '', parentExe: '' };

/** The program behind a request: the host's peer when verified, else the first word of what the client says (marked unverified). */
export function programOf(request: BridgeRequest, peer: Peer = unverified): Program {
  if (peer.verified) return { name: baseName(peer.parentExe) || baseName(peer.exe), peer };
  const said = baseName(request.client.command.trim().split(/\s+/)[0] ?? '');
  return { name: said || `process ${request.client.pid}`, peer };
}

/** How the extension learns a request's peer: from the host, and only once something needs it. */
export interface PeerLookup {
  peer(): Promise<Peer>;
  /** The peer if it was looked up already; the request log does not cause a lookup. */
  known(): Peer | undefined;
}

/** `askHost` runs at most once; a host that sent no way to ask (an older one) gives an unverified peer. */
export function peerLookup(given: ForwardedRequest['peer'], askHost: () => Promise<Peer>): PeerLookup {
  let found: Peer | undefined = given === 'on-request' ? undefined : (given ?? unverified);
  let asking: Promise<Peer> | undefined;
  return {
    peer: () => {
      if (found) return Promise.resolve(found);
      asking ??= askHost()
        .catch(() => unverified)
        .then((peer) => (found = peer));
      return asking;
    },
    known: () => found,
  };
}

/** What "ask once" remembers a program by; none for an unverified one, whose yes is never reused. */
export function programKey(program: Program): string | undefined {
  return program.peer.verified ? `${program.peer.exe}\n${program.peer.parentExe}` : undefined;
}

/** The program as the request log keeps it: the executable's name only, and whether the host vouched for it. */
export function programLabel(program: Program): string {
  return program.peer.verified ? program.name : `${program.name} (unverified)`;
}
