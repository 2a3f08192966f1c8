import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { formatCredentials, type CopyFormat } from './copy-formats';

// Runs the copied text in the real shell and reads the variables back, so the quoting is
// proven by the shell itself rather than by our idea of it.
interface Shell {
  command: string;
  args: readonly string[];
  format: CopyFormat;
  print: (name: string) => string;
}

const posixPrint = (name: string) => `printf %s "$${name}"`;
const shells: Shell[] = [
  { command: 'bash', args: ['-c'], format: 'bash', print: posixPrint },
  { command: 'dash', args: ['-c'], format: 'bash', print: posixPrint },
  { command: 'zsh', args: ['-f', '-c'], format: 'bash', print: posixPrint },
  { command: 'fish', args: ['--no-config', '-c'], format: 'fish', print: posixPrint },
  {
    command: 'pwsh',
    args: ['-NoProfile', '-NonInteractive', '-Command'],
    format: 'powershell',
    print: (name) => `[Console]::Out.Write($Env:${name})`,
  },
];

function installed(command: string): boolean {
  return spawnSync(command, ['-c', 'exit 0'], { stdio: 'ignore' }).error === undefined;
}

const secrets = [
  'wJa$l\'r"X\\U%t`K!7&M%PATH%z',
  "'",
  "it's '' \\' \\\\' end\\",
  '$(echo injected) ${HOME} `id` ; & | > /dev/null',
  'two\nlines\r\n\ttabbed',
  '\u2018curly\u2019 \u201Aquotes\u201B \u201Cdouble\u201D',
  'unicode é € 😀',
  '-n',
];

const names = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_REGION', 'AWS_DEFAULT_REGION'];

describe.each(shells)('pasted into $command', (shell) => {
  const run = (script: string) => execFileSync(shell.command, [...shell.args, script], { encoding: 'utf8' });

  it.skipIf(!installed(shell.command)).each(secrets)('sets exactly %j', (secret) => {
    const text = formatCredentials(shell.format, {
      accessKeyId: `key ${secret}`,
      secretAccessKey: secret,
      sessionToken: `token ${secret}`,
      region: 'us-west-2',
    });
    const printed = names.map((name) => run(`${text}${shell.print(name)}`));
    expect(printed).toEqual([`key ${secret}`, secret, `token ${secret}`, 'us-west-2', 'us-west-2']);
  });
});
