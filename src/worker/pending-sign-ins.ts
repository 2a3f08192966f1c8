import * as z from 'zod/mini';
import type { KeyValueArea } from '../storage/key-value';
import { isVerifyTokenSuccess } from '../duplo/verify-token-url';

/**
 * Sign-ins waiting for the portal's handoff, by the ID of the tab opened for each. Each has a
 * one-time nonce (the path its handoff must arrive on: only its redirect rule knows it) and a
 * deadline, kept in storage.session because the worker can be stopped while the user logs in.
 */
const PendingSchema = z.record(z.string(), z.object({ origin: z.string(), nonce: z.string(), deadline: z.number() }));
const pendingKey = 'pending-sign-ins';

export interface PendingSignIn {
  readonly tabId: number;
  readonly origin: string;
  readonly nonce: string;
  /** ms since epoch; after it the sign-in is over. */
  readonly deadline: number;
}

export interface PendingSignIns {
  add(signIn: PendingSignIn): Promise<void>;
  /** Removes and returns the tab's sign-in, if it has one. */
  take(tabId: number): Promise<PendingSignIn | undefined>;
  withTab(tabId: number): Promise<PendingSignIn | undefined>;
  /** The sign-in a handoff with this nonce belongs to. */
  withNonce(nonce: string): Promise<PendingSignIn | undefined>;
  /** Sign-ins whose deadline has passed. */
  expired(now: number): Promise<PendingSignIn[]>;
}

export function pendingSignIns(memory: KeyValueArea): PendingSignIns {
  async function all(): Promise<PendingSignIn[]> {
    const parsed = PendingSchema.safeParse((await memory.get(pendingKey)) ?? {});
    return parsed.success ? Object.entries(parsed.data).map(([tabId, entry]) => ({ tabId: Number(tabId), ...entry })) : [];
  }
  async function save(signIns: readonly PendingSignIn[]): Promise<void> {
    await memory.set(pendingKey, Object.fromEntries(signIns.map(({ tabId, ...entry }) => [tabId, entry])));
  }
  return {
    add: async (signIn) => save([...(await all()).filter((other) => other.tabId !== signIn.tabId), signIn]),
    async take(tabId) {
      const signIns = await all();
      const found = signIns.find((signIn) => signIn.tabId === tabId);
      if (found) await save(signIns.filter((signIn) => signIn !== found));
      return found;
    },
    withTab: async (tabId) => (await all()).find((signIn) => signIn.tabId === tabId),
    withNonce: async (nonce) => (await all()).find((signIn) => signIn.nonce === nonce),
    expired: async (now) => (await all()).filter((signIn) => signIn.deadline <= now),
  };
}

/**
 * Whether a page the sign-in's tab now shows ends the sign-in: any other origin (a page there
 * could navigate the tab to the handoff address with its own token), or the flow's own end
 * (verify-token with success=true). Other pages of the portal are its login on the way.
 */
export function leavesSignIn(signIn: Pick<PendingSignIn, 'origin'>, url: string): boolean {
  let page: URL;
  try {
    page = new URL(url);
  } catch {
    return true;
  }
  if (page.origin !== signIn.origin) return true;
  return isVerifyTokenSuccess(page);
}
