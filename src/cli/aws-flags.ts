import type { AwsFlags } from './aws-flags-schema';
import { parseCompiled } from './compiled-schemas';
import { parseFlagValues } from '../flags/parse-flags';
import { UsageError } from '../flags/usage-error';

export type { AwsFlags };

/** The flags of `duplo-jit aws`, kept so a user can swap the command in ~/.aws/config. */
const options = {
  host: { type: 'string' },
  'api-host': { type: 'string' },
  admin: { type: 'boolean' },
  'duplo-ops': { type: 'boolean' },
  tenant: { type: 'string' },
  token: { type: 'string' },
  'token-file': { type: 'string' },
  otp: { type: 'string' },
  interactive: { type: 'boolean' },
  port: { type: 'string' },
  'no-cache': { type: 'boolean' },
  debug: { type: 'boolean' },
  region: { type: 'string' },
  service: { type: 'string' },
  open: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

const consoleOnly = ['region', 'service', 'open'] as const;

/** Words for the flags the schema checks; the others cannot fail it once parseAwsFlags's own checks passed. */
const flagProblems: Readonly<Record<string, string>> = {
  token: '--token is empty; give an API token or leave --token out',
  tokenFile: '--token-file is empty; give the path of a file that holds the API token',
  region: '--region must be a region name like us-east-1',
  service: '--service must be a console service name like s3',
};

/**
 * Parses `aws` (or `console`) flags; throws UsageError naming what is wrong and how to write it.
 * `DUPLO_HOST` is the default --host, as for duploctl and the Terraform provider.
 */
export function parseAwsFlags(argv: readonly string[], command: 'aws' | 'console', env: Readonly<Record<string, string | undefined>>): AwsFlags | 'help' {
  const values = parseFlagValues(argv, options);
  if (values.help) return 'help';
  const misplaced = command === 'aws' ? consoleOnly.find((flag) => values[flag] !== undefined) : undefined;
  if (misplaced) throw new UsageError(`--${misplaced} belongs to the console command: duplo-jit-bridge console ... --${misplaced}`);
  const host = values.host ?? env.DUPLO_HOST;
  if (!host) throw new UsageError('--host is required (or DUPLO_HOST in the environment), e.g. --host https://acme.duplocloud.net');
  if (values.token !== undefined && values['token-file'] !== undefined) throw new UsageError('--token and --token-file exclude each other; give --token-file alone');
  const chosen = [values.admin && 'admin', values['duplo-ops'] && 'duplo-ops', values.tenant !== undefined && 'tenant'].filter(Boolean);
  if (chosen.length !== 1) {
    throw new UsageError(chosen.length === 0 ? 'say what to get: --admin, --duplo-ops or --tenant NAME|ID' : '--admin, --duplo-ops and --tenant exclude each other; give one');
  }
  if (values.tenant !== undefined && values.tenant.trim() === '') throw new UsageError('--tenant needs a tenant name or ID');
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && !(Number.isInteger(port) && port >= 1 && port <= 65535)) {
    throw new UsageError(`--port must be a number from 1 to 65535, not "${values.port}"`);
  }
  const parsed = parseCompiled('flags', {
    host,
    apiHost: values['api-host'],
    scope: values.admin ? 'admin' : values['duplo-ops'] ? 'duplo-ops' : { tenant: values.tenant!.trim() },
    token: values.token,
    tokenFile: values['token-file'],
    otp: values.otp,
    interactive: values.interactive ?? false,
    port,
    noCache: values['no-cache'] ?? false,
    debug: values.debug ?? false,
    region: values.region,
    service: values.service,
    open: values.open ?? false,
  });
  if (parsed.ok) return parsed.value;
  const flag = parsed.path[0] ?? '';
  throw new UsageError(flagProblems[flag] ?? `--${flag} has a value it cannot take`);
}

/** The cache and bridge key of a scope: `admin`, `duplo-ops` or `tenant,<name or id>`. */
export function scopeLabel(scope: AwsFlags['scope']): string {
  return typeof scope === 'string' ? scope : `tenant,${scope.tenant}`;
}
