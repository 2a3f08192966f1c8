import { execFileSync, spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { afterAll, beforeAll } from 'vitest';

/**
 * Why no second Unix user can be made here, or undefined when one can: known when the file's
 * tests are collected, so that they can `it.skipIf(otherUserUnavailable)`.
 */
export const otherUserUnavailable: string | undefined =
  process.platform !== 'linux' ? `not Linux (${process.platform})` : process.getuid?.() !== 0 ? 'not running as root, so no second user can be created' : undefined;

/**
 * A throwaway Unix account for "another local user" attacks, one per test file (`duplojit-TAG`),
 * so that files running in parallel never share or remove each other's: created before the
 * file's tests, removed after them. Returns its name.
 */
export function useOtherUser(tag: string): string {
  const name = `duplojit-${tag}`;
  if (otherUserUnavailable !== undefined) {
    console.warn(`${name}: the other-user attacks are skipped: ${otherUserUnavailable}`);
    return name;
  }
  beforeAll(() => {
    // Left over by a run that was killed: start from a fresh account all the same.
    if (spawnSync('id', ['-u', name]).status === 0) spawnSync('userdel', [name]);
    const made = spawnSync('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', name], { encoding: 'utf8' });
    if (made.status !== 0) throw new Error(`useradd ${name} failed: ${made.stderr.trim()}`);
  });
  afterAll(() => {
    const removed = spawnSync('userdel', [name], { encoding: 'utf8' });
    if (removed.status !== 0) throw new Error(`userdel ${name} failed: ${removed.stderr.trim()}`);
  });
  return name;
}

/** Starts Node as `user` running `script` (CommonJS, `-e`) with `args`; the caller ends it. */
export function spawnAsOtherUser(user: string, script: string, args: readonly string[]): ChildProcessWithoutNullStreams {
  return spawn('runuser', ['-u', user, '--', process.execPath, '-e', script, ...args], { cwd: '/' });
}

const connectScript = `
const socket = require('node:net').createConnection(process.argv[1]);
socket.on('connect', () => { socket.write(process.argv[2] + '\\n'); });
let text = '';
socket.on('data', (chunk) => { text += chunk; });
socket.on('close', () => { console.log(JSON.stringify({ result: 'connected', text })); });
socket.on('error', (error) => { console.log(JSON.stringify({ result: error.code })); process.exit(0); });
setTimeout(() => { console.log(JSON.stringify({ result: 'hung' })); process.exit(0); }, 3000);
`;

/** Runs a Node client as `user` against `socketPath`; the outcome is 'connected' (with text) or an errno code. */
export function connectAsOtherUser(user: string, socketPath: string, line: string): { result: string; text?: string } {
  const out = execFileSync('runuser', ['-u', user, '--', process.execPath, '-e', connectScript, socketPath, line], {
    encoding: 'utf8',
    timeout: 10_000,
    cwd: '/',
  });
  return JSON.parse(out.trim().split('\n').pop() ?? '{}') as { result: string; text?: string };
}
