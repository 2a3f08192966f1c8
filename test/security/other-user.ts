import { execFileSync, spawnSync } from 'node:child_process';

/** A throwaway Unix account for "another local user" attacks; only creatable when the tests run as root. */
export const otherUserName = 'duplojitsec';

/** Creates the account if needed; returns why it cannot be used, or undefined when it can. */
export function ensureOtherUser(): string | undefined {
  if (process.platform !== 'linux') return `not Linux (${process.platform})`;
  if (process.getuid?.() !== 0) return 'not running as root, so no second user can be created';
  if (spawnSync('id', ['-u', otherUserName]).status === 0) return undefined;
  const made = spawnSync('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', otherUserName], { encoding: 'utf8' });
  return made.status === 0 ? undefined : `useradd failed: ${made.stderr.trim()}`;
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

/** Runs a Node client as the other user against `socketPath`; the outcome is 'connected' (with text) or an errno code. */
export function connectAsOtherUser(socketPath: string, line: string): { result: string; text?: string } {
  const out = execFileSync('runuser', ['-u', otherUserName, '--', process.execPath, '-e', connectScript, socketPath, line], {
    encoding: 'utf8',
    timeout: 10_000,
    cwd: '/',
  });
  return JSON.parse(out.trim().split('\n').pop() ?? '{}') as { result: string; text?: string };
}
