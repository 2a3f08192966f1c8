import { parseFlagValues } from '../flags/parse-flags';
import { UsageError } from '../flags/usage-error';
import { awsFlagsOf, commonOptions, scopeOptions, type AwsFlags } from './aws-flags';

/** The shells `--env` writes for: those of the copy formats. */
export const envShells = ['bash', 'fish', 'powershell', 'cmd'] as const;
export type EnvShell = (typeof envShells)[number];

/** `--env` bare means the login shell's kind: fish users get fish lines, everyone else POSIX ones. */
function envShellOf(value: string, env: Readonly<Record<string, string | undefined>>): EnvShell {
  if (value === '') return /(^|\/)fish$/.test(env.SHELL ?? '') ? 'fish' : 'bash';
  const shell = envShells.find((each) => each === value);
  if (!shell) throw new UsageError(`--env takes ${envShells.join(', ')} (as --env=fish), not "${value}"`);
  return shell;
}

/** What `exec` and `serve` are asked to do: whose keys, and for which command or listener. */
export interface ExecFlags {
  readonly aws: AwsFlags;
  /** The program and its arguments, after `--`; empty for `serve` and for `exec --env`. */
  readonly command: readonly string[];
  /** `exec --env[=SHELL]`: print the keys as lines for this shell instead of running anything. */
  readonly printEnv?: EnvShell;
  /** `serve --listen ADDRESS:PORT`: where a container can reach the endpoint. */
  readonly listen?: { readonly host: string; readonly port: number };
}

const options = {
  ...commonOptions,
  ...scopeOptions,
  env: { type: 'optional' },
  listen: { type: 'string' },
} as const;

function listenOf(value: string): { host: string; port: number } {
  // The last colon splits, so an IPv6 address in brackets keeps its own.
  const match = /^\[?([^\]]*?)\]?:(\d{1,5})$/.exec(value);
  const port = match ? Number(match[2]) : NaN;
  if (!match || match[1] === '' || !(port <= 65535)) throw new UsageError(`--listen takes ADDRESS:PORT, e.g. --listen 172.17.0.1:9911, not "${value}"`);
  return { host: match[1]!, port };
}

/**
 * Parses `exec` or `serve`: the `aws` flags before `--`, the command after it. Throws UsageError
 * naming what is missing, as for every other command.
 */
export function parseExecFlags(
  argv: readonly string[],
  which: 'exec' | 'serve',
  env: Readonly<Record<string, string | undefined>>,
  warn: (line: string) => void,
): ExecFlags | 'help' | 'version' {
  const split = argv.indexOf('--');
  const flagArgs = split === -1 ? argv : argv.slice(0, split);
  const command = split === -1 ? [] : argv.slice(split + 1);
  const values = parseFlagValues(flagArgs, options);
  if (values.help) return 'help';
  if (values.version) return 'version';
  if (which === 'serve' && (values.env !== undefined || split !== -1)) throw new UsageError('serve runs no command: use "duplo-jit-bridge exec ... -- COMMAND" to run one, or exec --env to print the keys');
  if (which === 'exec' && values.listen !== undefined) throw new UsageError('--listen belongs to serve: duplo-jit-bridge serve ... --listen ADDRESS:PORT');
  const printEnv = values.env === undefined ? undefined : envShellOf(values.env, env);
  if (printEnv && command.length > 0) throw new UsageError('--env prints the keys instead of running a command: give one or the other');
  if (which === 'exec' && !printEnv && command.length === 0) {
    throw new UsageError('exec needs a command after --, e.g. duplo-jit-bridge exec --tenant dev01 -- terraform apply (or --env to print the keys)');
  }
  return { aws: awsFlagsOf(values, 'aws', env, warn), command, ...(printEnv ? { printEnv } : {}), ...(values.listen === undefined ? {} : { listen: listenOf(values.listen) }) };
}
