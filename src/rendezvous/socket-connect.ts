import { createConnection, type Socket } from 'node:net';

const firstWaitMs = 5;
const longestWaitMs = 100;

/**
 * Connects to a Unix socket. Linux refuses a connect with EAGAIN while the listener's queue of
 * connections it has not yet accepted is full: the host is busy (a burst of clients, a flood),
 * not gone, so that one refusal is retried, backing off, until `giveUpAt` (a Date.now() time).
 * Every other error is the caller's to word.
 */
export function connectWhenFree(path: string, giveUpAt: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    let waitMs = firstWaitMs;
    const attempt = () => {
      const socket = createConnection(path);
      const refused = (error: NodeJS.ErrnoException) => {
        socket.destroy();
        if (error.code !== 'EAGAIN' || Date.now() + waitMs > giveUpAt) return reject(error);
        setTimeout(attempt, waitMs);
        waitMs = Math.min(waitMs * 2, longestWaitMs);
      };
      socket.once('error', refused);
      socket.once('connect', () => {
        socket.off('error', refused);
        resolve(socket);
      });
    };
    attempt();
  });
}
