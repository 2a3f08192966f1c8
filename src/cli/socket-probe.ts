import { connect } from 'node:net';

/**
 * Whether something accepts connections at the host's socket (or named pipe). Only the running
 * host listens there, and the browser starts the host when the extension connects to it.
 */
export function socketAccepts(path: string, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(path);
    const finish = (reachable: boolean): void => {
      socket.destroy();
      resolve(reachable);
    };
    socket.setTimeout(timeoutMs, () => finish(false));
    socket.once('connect', () => finish(true));
    socket.once('error', () => finish(false));
  });
}
