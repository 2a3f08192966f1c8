import { execFileSync, spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { afterAll, beforeAll } from 'vitest';

/**
 * Why no second Unix user can be made here, or undefined when one can: known when the file's
 * tests are collected, so that they can `it.skipIf(otherUserUnavailable)`.
 */
export const otherUserUnavailable: string | undefined =
  process.platform !== 'linux' ? `not Linux (${process.platform})` : process.getuid?.() !== 0 ? 'not running as root, so no second user can be created' : undefined;

/**
 * Runs useradd or userdel. Test files running in parallel may hold /etc/passwd's lock for a
 * moment ("cannot lock /etc/passwd; try again later."): then it tries again, a while later each time.
 */
async function accounts(command: 'useradd' | 'userdel', args: readonly string[]): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const run = spawnSync(command, args, { encoding: 'utf8' });
    if (run.status === 0) return;
    if (!/lock/i.test(run.stderr) || attempt === 20) throw new Error(`${command} ${args.join(' ')} failed: ${run.stderr.trim()}`);
    await new Promise((retry) => setTimeout(retry, 50 * attempt));
  }
}

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
  beforeAll(async () => {
    // Left over by a run that was killed: start from a fresh account all the same.
    if (spawnSync('id', ['-u', name]).status === 0) await accounts('userdel', [name]);
    await accounts('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', name]);
  });
  afterAll(() => accounts('userdel', [name]));
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
