import { connectWhenFree } from '../rendezvous/socket-connect';

/**
 * Whether something accepts connections at the host's socket (or named pipe) within
 * `timeoutMs`. Only the running host listens there, and the browser starts the host when the
 * extension connects to it. A host too busy to queue the probe is waited for, as `aws` waits.
 */
export function socketAccepts(path: string, timeoutMs = 1000): Promise<boolean> {
  const connected = connectWhenFree(path, Date.now() + timeoutMs).then(
    (socket) => {
      socket.destroy();
      return true;
    },
    () => false,
  );
  // A connect that neither succeeds nor fails (a stuck named pipe) must not hang doctor.
  const gaveUp = new Promise<boolean>((resolve) => setTimeout(resolve, timeoutMs, false).unref());
  return Promise.race([connected, gaveUp]);
}
