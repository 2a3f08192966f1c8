import type { ForwardedRequest } from '../bridge/protocol';
import { AccessError } from './access-error';
import type { ApprovalTarget } from './approval-ask';

/** What the prompt names: the scope as the program asked for it; a tenant name is looked up only after a yes. */
export function targetOf(request: ForwardedRequest): ApprovalTarget {
  if (request.op === 'tenants') return { kind: 'tenants' };
  if (request.op === 'portal-token') return { kind: 'portal-token', request: request.id };
  if (!request.scope) throw new AccessError('BAD_MESSAGE', `${request.op} needs a scope`);
  const privileged = request.scope === 'admin' || request.scope === 'duplo-ops';
  if (request.op !== 'k8s-credentials') return { kind: 'scope', scope: request.scope, name: request.scope === 'admin' ? 'Admin' : request.scope };
  // A cluster is a tenant's, or a plan's for an administrator: the peers' `k8s --tenant` and `k8s --plan`.
  if (request.plan ? request.scope !== 'admin' : privileged) throw new AccessError('BAD_MESSAGE', 'k8s-credentials takes a tenant, or admin with a plan');
  return request.plan ? { kind: 'k8s', of: 'plan', id: request.plan, name: `plan ${request.plan} (admin)` } : { kind: 'k8s', of: 'tenant', id: request.scope, name: request.scope };
}

/** What a refusal says was asked for: the scope as asked, a cluster's credentials, the list or the session. */
export function askedFor(request: ForwardedRequest): string {
  const target = targetOf(request);
  switch (target.kind) {
    case 'tenants':
      return 'the tenant list';
    case 'portal-token':
      return 'your portal session';
    case 'k8s':
      return `Kubernetes credentials for ${target.name}`;
    case 'scope':
      return target.scope;
  }
}
