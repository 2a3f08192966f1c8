import * as z from 'zod/mini';
import { toCredentialProcess } from '../aws/credential-process';
import { AwsJitCredentialsSchema, type AwsJitCredentials } from '../duplo/schemas';
import type { KeyValueArea } from '../storage/key-value';

/** botocore refreshes 15 minutes before expiry; reusing shorter-lived keys would make every check call us. */
export const reuseMarginMs = 15 * 60_000;
/** AWS sign-in URLs last 15 minutes; never open one that might expire on the way. */
export const consoleUrlMaxAgeMs = 14 * 60_000;

const CachedSchema = z.object({ jit: AwsJitCredentialsSchema, issuedAt: z.number(), expiresAt: z.number() });
export type CachedCredentials = z.infer<typeof CachedSchema>;

/** `keys` for the clipboard and the CLI; `console` also needs a sign-in URL young enough to open. */
export type Need = 'keys' | 'console';

const prefix = 'credentials:';

/**
 * JIT credentials per portal and scope, kept in storage.session (memory) so a restarted
 * worker still has them. Concurrent asks for the same key share one portal call.
 */
export function createCredentialCache(area: KeyValueArea, now: () => number) {
  const inflight = new Map<string, Promise<CachedCredentials>>();
  // Bumped by drop: an answer to a call made with a replaced token must not reach the cache.
  const generations = new Map<string, number>();
  const keyOf = (origin: string, scope: string) => `${prefix}${origin} ${scope}`;

  const read = async (key: string): Promise<CachedCredentials | undefined> => {
    const parsed = CachedSchema.safeParse(await area.get(key));
    return parsed.success ? parsed.data : undefined;
  };

  const usable = (entry: CachedCredentials | undefined, need: Need): entry is CachedCredentials => {
    if (!entry || entry.expiresAt - now() <= reuseMarginMs) return false;
    return need === 'keys' || (Boolean(entry.jit.ConsoleUrl) && now() - entry.issuedAt < consoleUrlMaxAgeMs);
  };

  const drop = async (origin: string): Promise<number> => {
    generations.set(origin, (generations.get(origin) ?? 0) + 1);
    for (const key of [...inflight.keys()]) if (key.startsWith(`${prefix}${origin} `)) inflight.delete(key);
    const mine = (await area.keys()).filter((key) => key.startsWith(`${prefix}${origin} `));
    await Promise.all(mine.map((key) => area.remove(key)));
    return mine.length;
  };

  return {
    async get(origin: string, scope: string, need: Need, fetch: () => Promise<AwsJitCredentials>): Promise<CachedCredentials> {
      const key = keyOf(origin, scope);
      const cached = await read(key);
      if (usable(cached, need)) return cached;
      const pending = inflight.get(key);
      if (pending) return pending;
      const generation = generations.get(origin) ?? 0;
      const started: Promise<CachedCredentials> = (async () => {
        const jit = await fetch();
        const issuedAt = now();
        const entry = { jit, issuedAt, expiresAt: Date.parse(toCredentialProcess(jit, new Date(issuedAt)).Expiration) };
        if ((generations.get(origin) ?? 0) === generation) await area.set(key, entry);
        return entry;
      })().finally(() => {
        if (inflight.get(key) === started) inflight.delete(key);
      });
      inflight.set(key, started);
      return started;
    },

    /** The credentials held now, if they have not expired: for "keys until" in the popup. */
    async peek(origin: string, scope: string): Promise<CachedCredentials | undefined> {
      const entry = await read(keyOf(origin, scope));
      return entry && entry.expiresAt > now() ? entry : undefined;
    },

    /**
     * Every scope of a portal with credentials held now, and when they expire: one listing and a
     * read per held entry, not a read per tenant (the popup of 2,000 tenants holds a handful).
     */
    async held(origin: string): Promise<Map<string, number>> {
      const mine = (await area.keys()).filter((key) => key.startsWith(`${prefix}${origin} `));
      const held = new Map<string, number>();
      await Promise.all(
        mine.map(async (key) => {
          const entry = await read(key);
          if (entry && entry.expiresAt > now()) held.set(key.slice(`${prefix}${origin} `.length), entry.expiresAt);
        }),
      );
      return held;
    },

    /** Forgets a portal's credentials, when its session ends or the user asks; says how many were held. */
    drop,

    /** Forgets every portal's credentials (`clear-cache` without a portal); says how many were held. */
    async dropAll(): Promise<number> {
      const keys = [...(await area.keys()), ...inflight.keys()].filter((key) => key.startsWith(prefix));
      const origins = new Set(keys.map((key) => key.slice(prefix.length, key.indexOf(' ', prefix.length))));
      const counts = await Promise.all([...origins].map(drop));
      return counts.reduce((sum, count) => sum + count, 0);
    },
  };
}
export type CredentialCache = ReturnType<typeof createCredentialCache>;
