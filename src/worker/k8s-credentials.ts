import { toExecCredential, type ExecCredential } from '../duplo/exec-credential';
import type { PortalContext } from './portal-context';

/** A tenant's cluster, or a plan's as an administrator (the peers' `k8s --tenant` and `k8s --plan`). */
export type K8sTarget = { readonly tenantId: string } | { readonly plan: string };

/** A cluster token for kubectl: cached, or one portal call shared by every asker. */
export async function execCredentialFor(context: PortalContext, origin: string, target: K8sTarget): Promise<ExecCredential> {
  const signedIn = await context.signedIn(origin);
  const { api } = signedIn;
  const [key, call] = 'plan' in target ? [`plan:${target.plan}`, () => api.planK8s(target.plan)] : [`tenant:${target.tenantId}`, () => api.tenantK8s(target.tenantId)];
  const entry = await context.guarded(origin, signedIn.session, () => context.cache.k8s(origin, key, call), false);
  return toExecCredential(entry.jit, new Date(entry.issuedAt));
}
