import { parseFlagValues } from '../flags/parse-flags';
import { UsageError } from '../flags/usage-error';
import { commonOptions, connectionOf, portOf, type ConnectionFlags } from './aws-flags';

/** A tenant's cluster, or a plan's as an administrator; as the bridge and the cache key them. */
export type K8sTarget = { readonly tenant: string } | { readonly plan: string };

export interface K8sFlags extends ConnectionFlags {
  readonly target: K8sTarget;
  readonly interactive: boolean;
  readonly port?: number;
  readonly noCache: boolean;
  readonly debug: boolean;
}

/** The flags of `duplo-jit k8s`, so a kubeconfig's exec command can be swapped; `--admin` goes with `--plan` and changes nothing. */
const options = {
  ...commonOptions,
  admin: { type: 'boolean' },
  tenant: { type: 'string' },
  plan: { type: 'string' },
} as const;

/** duplo-jit's choice when both are given: the plan. */
function targetOf(tenant: string | undefined, plan: string | undefined, warn: (line: string) => void): K8sTarget {
  const [plainPlan, plainTenant] = [plan?.trim(), tenant?.trim()];
  if (plainPlan) {
    if (plainTenant) warn('--tenant and --plan given; using --plan, as duplo-jit does');
    return { plan: plainPlan };
  }
  if (plainTenant) return { tenant: plainTenant };
  throw new UsageError('say which cluster: --tenant NAME|ID, or --plan ID for an administrator');
}

/** Parses `k8s` flags; throws UsageError naming what is wrong. */
export function parseK8sFlags(argv: readonly string[], env: Readonly<Record<string, string | undefined>>, warn: (line: string) => void): K8sFlags | 'help' | 'version' {
  const values = parseFlagValues(argv, options);
  if (values.help) return 'help';
  if (values.version) return 'version';
  return {
    ...connectionOf(values, env),
    target: targetOf(values.tenant, values.plan, warn),
    interactive: values.interactive ?? false,
    port: portOf(values.port),
    noCache: values['no-cache'] ?? false,
    debug: values.debug ?? false,
  };
}

/** The cache key of a target, beside the AWS ones: `k8s,tenant,<name or id>` or `k8s,plan,<id>`. */
export function k8sLabel(target: K8sTarget): string {
  return 'plan' in target ? `k8s,plan,${target.plan}` : `k8s,tenant,${target.tenant}`;
}
