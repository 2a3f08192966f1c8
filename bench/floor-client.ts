import { createConnection } from 'node:net';

/**
 * The least a Node credential_process can do through the bridge: connect, send the request,
 * print the answer. No flags, no checks, nothing validated; bench/cli-warm.ts times it
 * beside our CLI to show what part of the CLI's time is ours and what part is Node's.
 */
const [socket, portal, scope] = process.argv.slice(2) as [string, string, string];
const connection = createConnection(socket);
let answer = '';
connection.setEncoding('utf8');
connection.on('connect', () => {
  const client = { pid: process.pid, ppid: process.ppid, command: 'floor' };
  connection.write(`${JSON.stringify({ v: 1, id: String(process.pid), op: 'aws-credentials', portal, scope, client })}\n`);
});
connection.on('data', (chunk: string) => {
  answer += chunk;
  if (!answer.includes('\n')) return;
  connection.end();
  process.stdout.write(`${JSON.stringify((JSON.parse(answer) as { result: unknown }).result, null, 2)}\n`);
});
