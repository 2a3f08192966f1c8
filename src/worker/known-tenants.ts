import * as z from 'zod/mini';
import { deepFreeze } from '../storage/deep-freeze';
import type { KeyValueArea } from '../storage/key-value';

/**
 * The last tenant list per portal, kept in storage.local so the popup can show it at once,
 * even after a restart. It holds names and IDs only: nothing that grants access.
 */
const KnownSchema = z.object({
  tenants: z.array(z.object({ id: z.string(), name: z.string(), plan: z.optional(z.string()) })),
  fetchedAt: z.number(),
  /** Whether this user may use admin JIT: learnt from the portal, never assumed. */
  admin: z.enum(['unknown', 'allowed', 'denied']),
  duploOps: z.boolean(),
});
export type KnownTenants = z.infer<typeof KnownSchema>;

const prefix = 'tenants:';

export function createKnownTenants(area: KeyValueArea) {
  // The worker's storage copy hands out the same frozen value until it is written again, so
  // a list (2,000 tenants: ~6 ms to parse) is parsed once per write, not once per popup open.
  const parsedOnce = new WeakMap<object, KnownTenants | undefined>();
  return {
    async get(origin: string): Promise<KnownTenants | undefined> {
      const stored = await area.get(prefix + origin);
      if (typeof stored === 'object' && stored !== null && parsedOnce.has(stored)) return parsedOnce.get(stored);
      const parsed = KnownSchema.safeParse(stored);
      const known = parsed.success ? parsed.data : undefined;
      if (typeof stored === 'object' && stored !== null && Object.isFrozen(stored)) parsedOnce.set(stored, deepFreeze(known));
      return known;
    },
    async put(origin: string, known: KnownTenants): Promise<void> {
      await area.set(prefix + origin, known);
    },
    async origins(): Promise<string[]> {
      return (await area.keys()).filter((key) => key.startsWith(prefix)).map((key) => key.slice(prefix.length));
    },
    async forget(origin: string): Promise<void> {
      await area.remove(prefix + origin);
    },
  };
}
export type KnownTenantStore = ReturnType<typeof createKnownTenants>;
