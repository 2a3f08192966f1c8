import { servicePattern } from '../aws/console-url';
import { isAwsRegion } from '../aws/partition';
import { parseFlagValues, type FlagValues } from '../flags/parse-flags';
import { UsageError } from '../flags/usage-error';

/**
 * What the `aws`, `console` and `duplo` flags become. A plain type, not a zod schema: `aws` starts once
 * per AWS CLI command, and loading zod would cost every start ~4 ms (BENCHMARKS.md).
 */
export interface AwsFlags {
  readonly host: string;
  readonly apiHost?: string;
  readonly scope: 'admin' | 'duplo-ops' | { readonly tenant: string };
  readonly token?: string;
  readonly tokenFile?: string;
  readonly otp?: string;
  readonly interactive: boolean;
  readonly port?: number;
  readonly noCache: boolean;
  readonly debug: boolean;
  readonly region?: string;
  readonly service?: string;
  readonly open: boolean;
}

/** The flags every credential command takes, as duplo-jit's do. */
export const commonOptions = {
  host: { type: 'string' },
  'api-host': { type: 'string' },
  token: { type: 'string' },
  'token-file': { type: 'string' },
  otp: { type: 'string' },
  interactive: { type: 'boolean' },
  port: { type: 'string' },
  'no-cache': { type: 'boolean' },
  debug: { type: 'boolean' },
  version: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Whose keys: the flags that name a scope. */
export const scopeOptions = {
  admin: { type: 'boolean' },
  'duplo-ops': { type: 'boolean' },
  tenant: { type: 'string' },
} as const;

/** The flags of `duplo-jit aws`, kept so a user can swap the command in ~/.aws/config. */
export const awsOptions = {
  ...commonOptions,
  ...scopeOptions,
  region: { type: 'string' },
  service: { type: 'string' },
  open: { type: 'boolean' },
} as const;

const consoleOnly = ['region', 'service', 'open'] as const;

/** Flags a command does not take, and why, in words that say what to write instead. */
function misplacedFlag(command: 'aws' | 'console' | 'duplo', values: Partial<Record<string, unknown>>): string | undefined {
  if (command === 'console') return undefined;
  const aside = consoleOnly.find((flag) => values[flag] !== undefined);
  if (aside) return `--${aside} belongs to the console command: duplo-jit-bridge console ... --${aside}`;
  const scoped = command === 'duplo' ? (['duplo-ops', 'tenant'] as const).find((flag) => values[flag] !== undefined) : undefined;
  return scoped && `duplo prints the portal session itself, which no --${scoped} narrows: leave --${scoped} out`;
}

/** The value when it is absent or passes `fits`; otherwise a UsageError with the flag's own words. */
function checked(value: string | undefined, fits: (value: string) => boolean, problem: string): string | undefined {
  if (value !== undefined && !fits(value)) throw new UsageError(problem);
  return value;
}

const nonEmpty = (value: string) => value !== '';

const scopeFlags = ['admin', 'duplo-ops', 'tenant'] as const;

/** duplo-jit's order when several are given: admin, then duplo-ops, then tenant; `warn` says which won. */
function scopeOf(values: { admin?: boolean; 'duplo-ops'?: boolean; tenant?: string }, warn: (line: string) => void): AwsFlags['scope'] {
  const given = scopeFlags.filter((flag) => (flag === 'tenant' ? values.tenant !== undefined : values[flag]));
  const [chosen] = given;
  if (chosen === undefined) throw new UsageError('say what to get: --admin, --duplo-ops or --tenant NAME|ID');
  if (given.length > 1) warn(`${given.slice(0, -1).map((flag) => `--${flag}`).join(', ')} and --${given.at(-1)} given; using --${chosen}, as duplo-jit does`);
  if (chosen !== 'tenant') return chosen;
  const tenant = values.tenant!.trim();
  if (tenant === '') throw new UsageError('--tenant needs a tenant name or ID');
  return { tenant };
}

export function portOf(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const port = /^\d{1,5}$/.test(value) ? Number(value) : NaN;
  // 0 is any free port, as for duplo-jit; so is leaving --port out.
  if (!(port <= 65535)) throw new UsageError(`--port must be a number from 0 (any free port) to 65535, not "${value}"`);
  return port;
}

/** The flags that say which portal and which token, as every portal command takes them; `DUPLO_HOST` is the default --host. */
export type ConnectionFlags = Pick<AwsFlags, 'host' | 'apiHost' | 'token' | 'tokenFile' | 'otp'>;

export function connectionOf(
  values: { host?: string; 'api-host'?: string; token?: string; 'token-file'?: string; otp?: string },
  env: Readonly<Record<string, string | undefined>>,
): ConnectionFlags {
  const host = values.host ?? env.DUPLO_HOST;
  if (!host) throw new UsageError('--host is required (or DUPLO_HOST in the environment), e.g. --host https://acme.duplocloud.net');
  if (values.token !== undefined && values['token-file'] !== undefined) throw new UsageError('--token and --token-file exclude each other; give --token-file alone');
  return {
    host,
    apiHost: values['api-host'],
    token: checked(values.token, nonEmpty, '--token is empty; give an API token or leave --token out'),
    tokenFile: checked(values['token-file'], nonEmpty, '--token-file is empty; give the path of a file that holds the API token'),
    otp: values.otp,
  };
}

/**
 * Parses `aws`, `console` or `duplo` flags (`duplo` always asks as admin, as duplo-jit's does); throws UsageError naming what is wrong and how to write it,
 * and `warn`s of what it chose where duplo-jit chooses silently.
 * `DUPLO_HOST` is the default --host, as for duploctl and the Terraform provider.
 */
export function parseAwsFlags(
  argv: readonly string[],
  command: 'aws' | 'console' | 'duplo',
  env: Readonly<Record<string, string | undefined>>,
  warn: (line: string) => void,
): AwsFlags | 'help' | 'version' {
  const values = parseFlagValues(argv, awsOptions);
  if (values.help) return 'help';
  if (values.version) return 'version';
  return awsFlagsOf(values, command, env, warn);
}

/** The flags from parsed values: shared with `exec`, which takes the `aws` flags and a few of its own. */
export function awsFlagsOf(
  values: FlagValues<typeof awsOptions>,
  command: 'aws' | 'console' | 'duplo',
  env: Readonly<Record<string, string | undefined>>,
  warn: (line: string) => void,
): AwsFlags {
  const misplaced = misplacedFlag(command, values);
  if (misplaced) throw new UsageError(misplaced);
  const connection = connectionOf(values, env);
  const scope = command === 'duplo' ? 'admin' : scopeOf(values, warn);
  const port = portOf(values.port);
  return {
    ...connection,
    scope,
    interactive: values.interactive ?? false,
    port,
    noCache: values['no-cache'] ?? false,
    debug: values.debug ?? false,
    region: checked(values.region, isAwsRegion, '--region must be a region name like us-east-1'),
    service: checked(values.service, (service) => servicePattern.test(service), '--service must be a console service name like s3'),
    open: values.open ?? false,
  };
}

/** The cache and bridge key of a scope: `admin`, `duplo-ops` or `tenant,<name or id>`. */
export function scopeLabel(scope: AwsFlags['scope']): string {
  return typeof scope === 'string' ? scope : `tenant,${scope.tenant}`;
}
