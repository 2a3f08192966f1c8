import { parseFlagValues } from '../flags/parse-flags';
import { UsageError } from '../flags/usage-error';

export interface PopulateFlags {
  readonly host: string;
  readonly prefix: string;
  readonly dryRun: boolean;
  readonly prune: boolean;
  readonly force: boolean;
  readonly admin: boolean;
  readonly duploOps: boolean;
  readonly tokenFile?: string;
  readonly config?: string;
  /** The kubeconfig to write instead of the AWS config; empty for the default one. */
  readonly kubeconfig?: string;
}

const options = {
  host: { type: 'string' },
  prefix: { type: 'string' },
  'dry-run': { type: 'boolean' },
  prune: { type: 'boolean' },
  force: { type: 'boolean' },
  admin: { type: 'boolean' },
  'duplo-ops': { type: 'boolean' },
  'token-file': { type: 'string' },
  config: { type: 'string' },
  kubeconfig: { type: 'optional' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** What a profile name may hold: the AWS CLI splits `[profile NAME]` on spaces, and `]` ends it. */
export const profileNamePattern = /^[A-Za-z0-9._@+-]+$/;

/** `DUPLO_HOST` is the default --host, as for `aws`. Throws UsageError naming the flag. */
export function parsePopulateFlags(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): PopulateFlags | 'help' {
  const values = parseFlagValues(argv, options);
  if (values.help) return 'help';
  const host = values.host ?? env.DUPLO_HOST;
  if (!host) throw new UsageError('--host is required (or DUPLO_HOST in the environment), e.g. --host https://acme.duplocloud.net');
  const prefix = values.prefix ?? '';
  if (prefix !== '' && !profileNamePattern.test(prefix)) throw new UsageError(`--prefix "${prefix}" cannot start a profile name; use letters, digits and . _ @ + - only`);
  if (values['token-file'] === '') throw new UsageError('--token-file is empty; give the path of a file that holds the API token');
  if (values.config === '') throw new UsageError('--config is empty; give the path of the AWS config file to write');
  return {
    host,
    prefix,
    dryRun: values['dry-run'] ?? false,
    prune: values.prune ?? false,
    force: values.force ?? false,
    admin: values.admin ?? false,
    duploOps: values['duplo-ops'] ?? false,
    ...(values['token-file'] !== undefined ? { tokenFile: values['token-file'] } : {}),
    ...(values.config !== undefined ? { config: values.config } : {}),
    ...(values.kubeconfig !== undefined ? { kubeconfig: values.kubeconfig } : {}),
  };
}
