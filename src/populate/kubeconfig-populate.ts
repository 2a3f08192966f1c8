import { delimiter, join } from 'node:path';
import { execClusterOf } from '../duplo/exec-credential';
import { kubeconfigEntries, tenantKubeconfigParts, type ExecCluster } from '../duplo/kubeconfig';
import { createPortalClient } from '../duplo/portal-client';
import { readConfig } from './config-file';
import { lineEndingOf, splitLines } from './config-lines';
import { profileName } from './credential-command';
import { planKubeconfig, type KubeEntry } from './kubeconfig-plan';
import { markerLine } from './managed-marker';
import type { PopulateFlags } from './populate-flags';
import { profileNamePattern } from './populate-flags';
import type { PopulateIo } from './populate-io';
import { carryOut } from './populate-output';

/** --kubeconfig=FILE, else the first file of $KUBECONFIG, else ~/.kube/config: where kubectl writes. */
export function kubeconfigPath(flag: string, env: PopulateIo['env'], homedir: string): string {
  return flag || env.KUBECONFIG?.split(delimiter).find(Boolean) || join(homedir, '.kube', 'config');
}

interface TenantCluster {
  readonly name: string;
  readonly cluster: ExecCluster;
}

/** Every tenant's name, and the cluster of each that has one: one portal call per tenant, in turn. */
async function tenantClusters(flags: PopulateFlags, origin: string, io: PopulateIo): Promise<{ names: string[]; clusters: TenantCluster[] }> {
  const token = await io.portalToken(origin, flags.tokenFile);
  const client = token === undefined ? undefined : createPortalClient({ host: origin, token, fetch: io.fetch });
  const tenants = client ? (await client.tenants()).map((tenant) => ({ name: tenant.AccountName, id: tenant.TenantId })) : (await io.browserTenants(origin)).map(({ name }) => ({ name, id: name }));
  const clusters: TenantCluster[] = [];
  for (const tenant of tenants) {
    if (!profileNamePattern.test(tenant.name)) {
      io.notice(`skipped tenant "${tenant.name}": its name cannot be part of a context name`);
      continue;
    }
    const cluster = await (client ? client.tenantK8s(tenant.id).then(execClusterOf) : io.browserCluster(origin, tenant.name)).catch((error: unknown) => {
      io.notice(`skipped tenant "${tenant.name}": no Kubernetes cluster (${error instanceof Error ? error.message : String(error)})`);
      return undefined;
    });
    if (cluster) clusters.push({ name: tenant.name, cluster });
  }
  return { names: tenants.map((tenant) => tenant.name), clusters };
}

/** `populate --kubeconfig`: a cluster, user and context per tenant, whose user runs `k8s` for its token. */
export async function populateKubeconfig(flags: PopulateFlags, origin: string, io: PopulateIo): Promise<number> {
  const { names, clusters } = await tenantClusters(flags, origin, io);
  const [command = 'duplo-jit-bridge', ...leading] = io.program;
  const wanted: KubeEntry[] = clusters.map(({ name, cluster }) => {
    const parts = tenantKubeconfigParts(origin, name, profileName(flags.prefix, { tenant: name }), cluster, command);
    return { name: parts.name, entries: kubeconfigEntries({ ...parts, args: [...leading, ...parts.args] }), marker: markerLine(origin, { tenant: name }) };
  });
  const path = kubeconfigPath(flags.kubeconfig ?? '', io.env, io.homedir);
  const file = { path, noun: 'kubeconfig', flag: '--kubeconfig=FILE' };
  const lines = splitLines(await readConfig(file));
  const eol = lineEndingOf(lines);
  const plan = planKubeconfig({ lines, eol, path, origin, wanted, tenants: new Set(names), prune: flags.prune, force: flags.force });
  return carryOut({ file, lines, eol, plan, noun: 'context' }, flags.dryRun, io);
}
