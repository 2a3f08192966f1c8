import * as z from 'zod/mini';
import type { KeyValueArea } from '../storage/key-value';

const SessionSchema = z.object({
  token: z.string(),
  /** How the token arrived: seen on the portal's own API calls, the sign-in handoff, or pasted. */
  source: z.enum(['observed', 'handoff', 'pasted']),
  /** `unverified` until v3/features/system accepted it; `expired` after a 401/403. */
  state: z.enum(['unverified', 'active', 'expired']),
  /** Whether this token's user may use admin JIT, once the portal has told us. */
  admin: z.optional(z.enum(['allowed', 'denied'])),
});
export type Session = z.infer<typeof SessionSchema>;
const SessionsSchema = z.record(z.string(), SessionSchema);
type Sessions = z.infer<typeof SessionsSchema>;

const sessionsKey = 'sessions';
const rememberedKey = 'remembered-tokens';

/**
 * Portal tokens by portal origin. They live in storage.session (memory only, gone when the
 * browser closes); a pasted token goes to storage.local only when the user asked for that.
 */
export function createSessionStore(memory: KeyValueArea, disk: KeyValueArea) {
  const read = async (area: KeyValueArea, key: string): Promise<Sessions> => {
    const parsed = SessionsSchema.safeParse((await area.get(key)) ?? {});
    return parsed.success ? parsed.data : {};
  };
  const get = async (origin: string): Promise<Session | undefined> =>
    (await read(memory, sessionsKey))[origin] ?? (await read(disk, rememberedKey))[origin];
  // Writes go to memory, which wins over a remembered token: its state is per browser session.
  const update = async (origin: string, change: (current: Session | undefined) => Session | undefined) => {
    const sessions = await read(memory, sessionsKey);
    const next = change(await get(origin));
    if (next) sessions[origin] = next;
    else Reflect.deleteProperty(sessions, origin);
    await memory.set(sessionsKey, sessions);
  };

  return {
    get,

    async all(): Promise<Sessions> {
      return { ...(await read(disk, rememberedKey)), ...(await read(memory, sessionsKey)) };
    },

    /** A new token replaces the old one; the same token keeps what is known about it. */
    async offer(origin: string, token: string, source: Session['source']): Promise<boolean> {
      const current = await get(origin);
      if (current?.token === token && current.state !== 'expired') return false;
      await update(origin, () => ({ token, source, state: 'unverified' }));
      return true;
    },

    /** Changes what is known about a token, unless another token has replaced it meanwhile. */
    async mark(origin: string, token: string, change: Partial<Pick<Session, 'state' | 'admin'>>): Promise<void> {
      await update(origin, (current) => (current?.token === token ? { ...current, ...change } : current));
    },

    async remember(origin: string, session: Session): Promise<void> {
      const remembered = await read(disk, rememberedKey);
      remembered[origin] = { ...session, state: 'unverified' };
      await disk.set(rememberedKey, remembered);
    },

    async forgetRemembered(origin: string): Promise<void> {
      const remembered = await read(disk, rememberedKey);
      if (!(origin in remembered)) return;
      Reflect.deleteProperty(remembered, origin);
      await disk.set(rememberedKey, remembered);
    },

    async forget(origin: string): Promise<void> {
      await update(origin, () => undefined);
      await this.forgetRemembered(origin);
    },
  };
}
export type SessionStore = ReturnType<typeof createSessionStore>;
