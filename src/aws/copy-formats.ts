import type { AwsCredentials } from './credentials';
import { AwsFormatError } from './errors';
import { cmdEscape, fishQuote, hasControlCharacter, posixQuote, powershellQuote } from './shell-quote';

export const copyFormats = ['bash', 'fish', 'powershell', 'cmd', 'credentials-file', 'json'] as const;

export type CopyFormat = (typeof copyFormats)[number];

export const copyFormatLabels: Readonly<Record<CopyFormat, string>> = {
  bash: 'bash / zsh',
  fish: 'fish',
  powershell: 'PowerShell',
  cmd: 'Windows cmd',
  'credentials-file': '~/.aws/credentials',
  json: 'JSON',
};

export interface CopyOptions {
  /** The `[profile]` of the credentials-file format; `default` when absent. */
  profile?: string;
}

type Entry = readonly [name: string, value: string];

/**
 * The credentials as text for the user to paste. Every output ends with a newline, so the
 * last line runs when pasted into a shell.
 */
export function formatCredentials(format: CopyFormat, creds: AwsCredentials, options: CopyOptions = {}): string {
  if (format === 'credentials-file') return credentialsFile(creds, options.profile ?? 'default');
  const variables = environmentVariables(creds);
  if (format === 'json') return `${JSON.stringify(Object.fromEntries(variables), null, 2)}\n`;
  return lines(variables.map(([name, value]) => shellLine[format](name, value)));
}

function environmentVariables(creds: AwsCredentials): Entry[] {
  return [
    ['AWS_ACCESS_KEY_ID', creds.accessKeyId],
    ['AWS_SECRET_ACCESS_KEY', creds.secretAccessKey],
    ...(creds.sessionToken ? [['AWS_SESSION_TOKEN', creds.sessionToken] as const] : []),
    // boto3 and the AWS CLI read AWS_DEFAULT_REGION, the other SDKs AWS_REGION. An empty one would override the user's profile.
    ...(creds.region
      ? [
          ['AWS_REGION', creds.region] as const,
          ['AWS_DEFAULT_REGION', creds.region] as const,
        ]
      : []),
  ];
}

const shellLine: Record<'bash' | 'fish' | 'powershell' | 'cmd', (name: string, value: string) => string> = {
  bash: (name, value) => `export ${name}=${posixQuote(value)}`,
  fish: (name, value) => `set -gx ${name} ${fishQuote(value)}`,
  powershell: (name, value) => `$Env:${name} = ${powershellQuote(value)}`,
  cmd: (name, value) => {
    if (hasControlCharacter(value)) throw unrepresentable(name, 'Windows cmd', 'contains a line break or control character');
    // `set NAME=` with nothing after it deletes the variable instead of emptying it.
    if (value === '') throw unrepresentable(name, 'Windows cmd', 'is empty');
    return `set ${name}=${cmdEscape(value)}`;
  },
};

function credentialsFile(creds: AwsCredentials, profile: string): string {
  if (profile.trim() !== profile || profile === '' || /[[\]]/.test(profile) || hasControlCharacter(profile)) {
    throw new AwsFormatError(
      'BAD_PROFILE',
      'a profile name must be non-empty, without surrounding spaces, brackets, line breaks or control characters',
    );
  }
  const entries: Entry[] = [
    ['aws_access_key_id', creds.accessKeyId],
    ['aws_secret_access_key', creds.secretAccessKey],
    ...(creds.sessionToken ? [['aws_session_token', creds.sessionToken] as const] : []),
    ...(creds.region ? [['region', creds.region] as const] : []),
  ];
  return lines([`[${profile}]`, ...entries.map(([key, value]) => `${key} = ${iniValue(key, value)}`)]);
}

/**
 * The readers take a value raw, with no quoting or escapes, so what they would change cannot
 * be written: every reader trims the ends and stops at a line break, and the JavaScript SDK
 * cuts a line at a `#` or `;` that starts the value or follows a space (an inline comment).
 */
function iniValue(key: string, value: string): string {
  const problem = iniProblem(value);
  if (problem) throw unrepresentable(key, 'the credentials file', problem);
  return value;
}

function iniProblem(value: string): string | undefined {
  if (hasControlCharacter(value)) return 'contains a line break or control character';
  if (value.trim() !== value) return 'starts or ends with a space';
  if (/(^|\s)[#;]/.test(value)) return 'has a # or ; that a reader would take for a comment';
  return undefined;
}

function unrepresentable(name: string, where: string, problem: string): AwsFormatError {
  return new AwsFormatError('UNREPRESENTABLE', `the value of ${name} ${problem}, which ${where} cannot hold`);
}

function lines(list: readonly string[]): string {
  return `${list.join('\n')}\n`;
}
