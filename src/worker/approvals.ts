import type { KeyValueArea } from '../storage/key-value';
import { targetKey, type ApprovalAnswer, type ApprovalAsk } from './approval-ask';
import { grantsIn } from './approval-grants';
import { programKey } from './program-identity';

/** Shows the ask to the user (src/worker/approval-queue.ts); closing the prompt counts as Deny. */
export type AskUser = (ask: ApprovalAsk) => Promise<ApprovalAnswer>;

/**
 * Decides whether a local program may have what it asks for. With "ask once", a yes covers
 * the portal, the target (a scope as asked, or the tenant list) and the program as the host
 * established it, until the browser closes (grants live in storage.session) or the portal's
 * session or settings change (`dropGrants`). A program the host could not verify is asked
 * every time: its self-description is no name to remember a yes by.
 */
export function createApprovals(memory: KeyValueArea, askUser: AskUser) {
  const grants = grantsIn(memory);
  return {
    async approve(ask: ApprovalAsk): Promise<ApprovalAnswer> {
      if (ask.policy === 'never-ask') return 'allow';
      const program = programKey(ask.program);
      const grant = program === undefined ? undefined : { origin: ask.origin, target: targetKey(ask.target), program };
      if (ask.policy === 'ask-once' && grant && (await grants.has(grant))) return 'allow';
      const given = await askUser(ask);
      if (given === 'allow' && ask.policy === 'ask-once' && grant) await grants.add(grant);
      return given;
    },
  };
}
export type Approvals = ReturnType<typeof createApprovals>;
export type { ApprovalAnswer, ApprovalAsk } from './approval-ask';
