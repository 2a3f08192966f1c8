import { userInfo } from 'node:os';
import { join } from 'node:path';
import { userCacheDir } from './user-dirs';

/** Overrides the socket (or pipe) path; tests use it, and so can a user with an unusual set-up. */
export const socketPathVariable = 'DUPLO_JIT_BRIDGE_SOCKET';

const folderName = 'duplo-jit-bridge';

/**
 * Where the host listens and the CLI connects, per user: the runtime folder where the system
 * provides one (a tmpfs cleared at log-out), else the user's cache folder. Windows has named
 * pipes instead, in one machine-wide namespace, so the user name keeps users apart.
 */
export function bridgeSocketPath(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const override = env[socketPathVariable];
  if (override) return override;
  if (platform === 'win32') return `\\\\.\\pipe\\${folderName}-${env.USERNAME ?? userInfo().username}`;
  return join(env.XDG_RUNTIME_DIR || userCacheDir(env, platform), folderName, 'bridge.sock');
}

export function isNamedPipe(path: string): boolean {
  return path.startsWith('\\\\.\\pipe\\') || path.startsWith('\\\\?\\pipe\\');
}
