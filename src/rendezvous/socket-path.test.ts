import { homedir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bridgeSocketPath, isNamedPipe } from './socket-path';

describe('bridgeSocketPath', () => {
  it('takes the override first', () => {
    expect(bridgeSocketPath({ DUPLO_JIT_BRIDGE_SOCKET: '/x/s.sock', XDG_RUNTIME_DIR: '/run/user/1' }, 'linux')).toBe('/x/s.sock');
  });

  it('prefers the runtime folder, then the cache folder of the platform', () => {
    expect(bridgeSocketPath({ XDG_RUNTIME_DIR: '/run/user/1', XDG_CACHE_HOME: '/c' }, 'linux')).toBe('/run/user/1/duplo-jit-bridge/bridge.sock');
    expect(bridgeSocketPath({ XDG_CACHE_HOME: '/c' }, 'linux')).toBe('/c/duplo-jit-bridge/bridge.sock');
    expect(bridgeSocketPath({}, 'linux')).toBe(join(homedir(), '.cache', 'duplo-jit-bridge', 'bridge.sock'));
    expect(bridgeSocketPath({}, 'darwin')).toBe(join(homedir(), 'Library', 'Caches', 'duplo-jit-bridge', 'bridge.sock'));
  });

  it('is a per-user named pipe on Windows', () => {
    const pipe = bridgeSocketPath({ USERNAME: 'ana' }, 'win32');
    expect(pipe).toBe('\\\\.\\pipe\\duplo-jit-bridge-ana');
    expect(isNamedPipe(pipe)).toBe(true);
    expect(isNamedPipe('/run/user/1/duplo-jit-bridge/bridge.sock')).toBe(false);
  });
});
