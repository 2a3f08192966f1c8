import { kubeconfigFor, tenantKubeconfigParts } from '../duplo/kubeconfig';
import { AccessError } from './access-error';
import { execCredentialFor } from './k8s-credentials';
import type { PortalContext } from './portal-context';
import { scopeName } from './scope-name';

/**
 * A kubeconfig for a tenant's cluster whose user runs `duplo-jit-bridge k8s`: the cluster's
 * address and CA come from the portal's answer, its token never leaves the worker.
 */
export async function kubeconfigTextFor(context: PortalContext, origin: string, tenantId: string): Promise<string> {
  if (tenantId === 'admin' || tenantId === 'duplo-ops') throw new AccessError('BAD_MESSAGE', 'a kubeconfig is made for a tenant');
  // The command names the tenant as a person would write it; an ID works too when the list has not got it.
  const name = await scopeName(context, origin, tenantId);
  const { cluster } = (await execCredentialFor(context, origin, { tenantId })).spec;
  return kubeconfigFor(tenantKubeconfigParts(origin, name, `${new URL(origin).hostname}-${name}`, cluster, 'duplo-jit-bridge'));
}
