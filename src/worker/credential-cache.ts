import * as z from 'zod/mini';
import { jitExpiration, sdkRefreshMarginSeconds } from '../aws/credential-process';
import { k8sExpiry } from '../duplo/exec-credential';
import { AwsJitCredentialsSchema, K8sClusterConfigSchema, type AwsJitCredentials, type K8sClusterConfig } from '../duplo/schemas';
import type { KeyValueArea } from '../storage/key-value';

/** Keys are reused only while they outlive the SDKs' refresh margin. */
export const reuseMarginMs = sdkRefreshMarginSeconds * 1000;
/** AWS sign-in URLs last 15 minutes; never open one that might expire on the way. */
export const consoleUrlMaxAgeMs = 14 * 60_000;

/** Held credentials of one kind: the portal's answer and when it was asked for and stops working. */
interface Held<T> {
  readonly jit: T;
  readonly issuedAt: number;
  readonly expiresAt: number;
}
export type CachedCredentials = Held<AwsJitCredentials>;
export type CachedK8s = Held<K8sClusterConfig>;

/** duplo-jit reuses a cluster token until 5 minutes before it ends; kubectl asks again only when it has. */
const k8sReuseMarginMs = 5 * 60_000;

/** `keys` for the clipboard and the CLI; `console` also needs a sign-in URL young enough to open. */
export type Need = 'keys' | 'console';

const prefix = 'credentials:';

/**
 * JIT credentials per portal and scope, kept in storage.session (memory) so a restarted
 * worker still has them. Concurrent asks for the same key share one portal call.
 */
export function createCredentialCache(area: KeyValueArea, now: () => number) {
  const flights: Map<string, Promise<unknown>>[] = [];
  // Bumped by drop: an answer to a call made with a replaced token must not reach the cache.
  const generations = new Map<string, number>();
  const keyOf = (origin: string, scope: string) => `${prefix}${origin} ${scope}`;

  /** One kind of credentials: how its entries parse and when they end; concurrent asks for one key share one portal call. */
  function kind<T>(schema: z.ZodMiniType<T>, endOf: (jit: T, issuedAt: number) => number) {
    const EntrySchema = z.object({ jit: schema, issuedAt: z.number(), expiresAt: z.number() });
    const inflight = new Map<string, Promise<Held<T>>>();
    flights.push(inflight);

    const read = async (key: string): Promise<Held<T> | undefined> => {
      const parsed = EntrySchema.safeParse(await area.get(key));
      return parsed.success ? parsed.data : undefined;
    };

    const get = async (origin: string, key: string, usable: (entry: Held<T>) => boolean, fetch: () => Promise<T>): Promise<Held<T>> => {
      // Looked for before the read as well as after: a call that ends while the read is under way has stored its answer only by then.
      const flying = inflight.get(key);
      if (flying) return flying;
      const cached = await read(key);
      if (cached && usable(cached)) return cached;
      const pending = inflight.get(key);
      if (pending) return pending;
      const generation = generations.get(origin) ?? 0;
      const started: Promise<Held<T>> = (async () => {
        const jit = await fetch();
        const issuedAt = now();
        const entry = { jit, issuedAt, expiresAt: endOf(jit, issuedAt) };
        if ((generations.get(origin) ?? 0) === generation) await area.set(key, entry);
        return entry;
      })().finally(() => {
        if (inflight.get(key) === started) inflight.delete(key);
      });
      inflight.set(key, started);
      return started;
    };
    return { read, get };
  }

  const aws = kind(AwsJitCredentialsSchema, (jit, issuedAt) => Date.parse(jitExpiration(jit, new Date(issuedAt))));
  const k8s = kind(K8sClusterConfigSchema, (jit, issuedAt) => k8sExpiry(jit, new Date(issuedAt)).getTime());

  const usable = (entry: CachedCredentials, need: Need): boolean => {
    if (entry.expiresAt - now() <= reuseMarginMs) return false;
    return need === 'keys' || (Boolean(entry.jit.ConsoleUrl) && now() - entry.issuedAt < consoleUrlMaxAgeMs);
  };

  const drop = async (origin: string): Promise<number> => {
    generations.set(origin, (generations.get(origin) ?? 0) + 1);
    for (const inflight of flights) for (const key of [...inflight.keys()]) if (key.startsWith(`${prefix}${origin} `)) inflight.delete(key);
    const mine = (await area.keys()).filter((key) => key.startsWith(`${prefix}${origin} `));
    await Promise.all(mine.map((key) => area.remove(key)));
    return mine.length;
  };
  const read = aws.read;

  return {
    get: (origin: string, scope: string, need: Need, fetch: () => Promise<AwsJitCredentials>): Promise<CachedCredentials> =>
      aws.get(origin, keyOf(origin, scope), (entry) => usable(entry, need), fetch),

    /** A cluster token for a tenant ID or `plan:<id>`, kept apart from the same scope's AWS keys. */
    k8s: (origin: string, target: string, fetch: () => Promise<K8sClusterConfig>): Promise<CachedK8s> =>
      k8s.get(origin, keyOf(origin, `k8s:${target}`), (entry) => entry.expiresAt - now() > k8sReuseMarginMs, fetch),

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
      const keys = [...(await area.keys()), ...flights.flatMap((inflight) => [...inflight.keys()])].filter((key) => key.startsWith(prefix));
      const origins = new Set(keys.map((key) => key.slice(prefix.length, key.indexOf(' ', prefix.length))));
      const counts = await Promise.all([...origins].map(drop));
      return counts.reduce((sum, count) => sum + count, 0);
    },
  };
}
export type CredentialCache = ReturnType<typeof createCredentialCache>;
