import * as z from 'zod/mini';
import type { KeyValueArea } from '../storage/key-value';

/** One "ask once" yes: this portal, this target (a scope or the tenant list), this program. */
const GrantSchema = z.object({ origin: z.string(), target: z.string(), program: z.string() });
export type Grant = z.infer<typeof GrantSchema>;

// A new name: the grants of older versions were for a scope alone, and must not carry over.
const grantsKey = 'approval-grants';

async function read(memory: KeyValueArea): Promise<Grant[]> {
  const parsed = z.array(GrantSchema).safeParse(await memory.get(grantsKey));
  return parsed.success ? parsed.data : [];
}

const same = (a: Grant, b: Grant) => a.origin === b.origin && a.target === b.target && a.program === b.program;

/**
 * Grants live in storage.session, so they end with the browser. Changes are serialized: two
 * answers at once must not lose one another's grant, nor a drop be undone by a late add.
 */
function createGrants(memory: KeyValueArea) {
  let writing: Promise<unknown> = Promise.resolve();
  const change = (next: (grants: Grant[]) => Grant[]): Promise<void> => {
    const done = writing.then(async () => memory.set(grantsKey, next(await read(memory))));
    writing = done.catch(() => undefined);
    return done;
  };
  return {
    async has(grant: Grant): Promise<boolean> {
      await writing;
      return (await read(memory)).some((each) => same(each, grant));
    },
    add: (grant: Grant) => change((grants) => [...grants.filter((each) => !same(each, grant)), grant]),
    drop: (origin: string) => change((grants) => grants.filter((each) => each.origin !== origin)),
  };
}
export type Grants = ReturnType<typeof createGrants>;

// One per area, so that every writer (approvals, sign-in, portal removal) is serialized with the others.
const byArea = new WeakMap<KeyValueArea, Grants>();

export function grantsIn(memory: KeyValueArea): Grants {
  let grants = byArea.get(memory);
  if (!grants) byArea.set(memory, (grants = createGrants(memory)));
  return grants;
}

/**
 * Forgets every "ask once" yes for a portal: called when its session may be another user's (a
 * new token) and when the portal is removed. The portal's API names no user, so any new token
 * counts as a possible change of user.
 */
export function dropGrants(memory: KeyValueArea, origin: string): Promise<void> {
  return grantsIn(memory).drop(origin);
}

/** After a settings save: forgets the grants of every portal the save removed. */
export async function dropGrantsOfRemoved(memory: KeyValueArea, before: readonly { origin: string }[], after: readonly { origin: string }[]): Promise<void> {
  const kept = new Set(after.map((portal) => portal.origin));
  await Promise.all(before.filter((portal) => !kept.has(portal.origin)).map((portal) => dropGrants(memory, portal.origin)));
}
