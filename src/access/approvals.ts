import * as z from 'zod/mini';
import type { KeyValueArea } from '../storage/key-value';
import type { ClientInfo } from '../bridge/protocol';

/** How often a local program's request needs the user's yes (DESIGN.md). */
export const approvalPolicies = ['ask-every-time', 'ask-once', 'never-ask'] as const;
export type ApprovalPolicy = (typeof approvalPolicies)[number];

/** An unanswered ask becomes a refusal well before the Go SDK's 60 s credential_process limit. */
export const defaultApprovalTimeoutSeconds = 45;

export type ApprovalAnswer = 'allow' | 'deny' | 'timeout';

export interface ApprovalAsk {
  readonly origin: string;
  readonly scope: string;
  /** The tenant name, `Admin` or `duplo-ops`, for the prompt. */
  readonly scopeName: string;
  readonly client: ClientInfo;
  readonly timeoutSeconds: number;
}

/** Shows the ask to the user; closing the prompt counts as Deny. */
export type AskUser = (ask: ApprovalAsk) => Promise<ApprovalAnswer>;

const GrantedSchema = z.array(z.string());
const grantedKey = 'approved-scopes';

/**
 * Decides whether a local program may have a scope's credentials. With "ask once", one yes
 * covers the portal and scope until the browser closes (grants live in storage.session), and
 * concurrent asks for one scope share one prompt: 50 processes, one window.
 */
export function createApprovals(memory: KeyValueArea, askUser: AskUser) {
  const asking = new Map<string, Promise<ApprovalAnswer>>();

  const granted = async (): Promise<string[]> => {
    const parsed = GrantedSchema.safeParse(await memory.get(grantedKey));
    return parsed.success ? parsed.data : [];
  };

  return {
    async approve(policy: ApprovalPolicy, ask: ApprovalAsk): Promise<ApprovalAnswer> {
      if (policy === 'never-ask') return 'allow';
      const key = `${ask.origin} ${ask.scope}`;
      if (policy === 'ask-once' && (await granted()).includes(key)) return 'allow';
      const shared = policy === 'ask-once' ? asking.get(key) : undefined;
      if (shared) return shared;
      const answer = askUser(ask).then(async (given) => {
        if (given === 'allow' && policy === 'ask-once') await memory.set(grantedKey, [...(await granted()), key]);
        return given;
      });
      if (policy === 'ask-once') {
        asking.set(key, answer);
        const forget = () => asking.delete(key);
        answer.then(forget, forget);
      }
      return answer;
    },
  };
}
export type Approvals = ReturnType<typeof createApprovals>;
