import type { ApprovalPolicy } from '../settings/approval-policy';
import type { Program } from './program-identity';

/**
 * What a local program wants: AWS credentials (or a console link) for a scope, a cluster's token
 * (a tenant's, or a plan's for an administrator), the tenant list, or the portal session itself,
 * which names its request so that no other ask shares its prompt or a grant.
 */
export type ApprovalTarget =
  | { readonly kind: 'scope'; readonly scope: string; readonly name: string }
  | { readonly kind: 'k8s'; readonly of: 'tenant' | 'plan'; readonly id: string; readonly name: string }
  | { readonly kind: 'tenants' }
  | { readonly kind: 'portal-token'; readonly request: string };

export interface ApprovalAsk {
  readonly origin: string;
  readonly target: ApprovalTarget;
  readonly program: Program;
  readonly policy: ApprovalPolicy;
  readonly timeoutSeconds: number;
}

/** `busy`: refused without asking, because too many asks already wait. */
export type ApprovalAnswer = 'allow' | 'deny' | 'timeout' | 'busy';

/** No from the user, from the clock, or from a queue too long to join. */
export type Refusal = Exclude<ApprovalAnswer, 'allow'>;

/** The scope as asked: a tenant name and its ID are two targets (names resolve only after a yes). */
export function targetKey(target: ApprovalTarget): string {
  switch (target.kind) {
    case 'tenants':
      return 'tenants';
    case 'scope':
      return `scope:${target.scope}`;
    // Apart from the scope's AWS keys: a yes for one kind of credential is no yes for the other.
    case 'k8s':
      return `k8s:${target.of}:${target.id}`;
    case 'portal-token':
      return `portal-token:${target.request}`;
  }
}
