import type { ApprovalPolicy } from '../settings/approval-policy';
import type { Program } from './program-identity';

/** What a local program wants: credentials (or a console link) for a scope, or the tenant list. */
export type ApprovalTarget = { readonly kind: 'scope'; readonly scope: string; readonly name: string } | { readonly kind: 'tenants' };

export interface ApprovalAsk {
  readonly origin: string;
  readonly target: ApprovalTarget;
  readonly program: Program;
  readonly policy: ApprovalPolicy;
  readonly timeoutSeconds: number;
}

/** `busy`: refused without asking, because too many asks already wait. */
export type ApprovalAnswer = 'allow' | 'deny' | 'timeout' | 'busy';

/** The scope as asked: a tenant name and its ID are two targets (names resolve only after a yes). */
export const targetKey = (target: ApprovalTarget): string => (target.kind === 'tenants' ? 'tenants' : `scope:${target.scope}`);
