import { deepFreeze } from './deep-freeze';
import type { KeyValueArea } from './key-value';
import { rememberedPromise } from './remembered-promise';

/**
 * A read-through copy of one storage area, kept in the service worker's memory. Every
 * stored read is a round trip to the browser process (~0.3 ms), and one bridge request
 * used to make about ten of them (BENCHMARKS.md, relay).
 *
 * Correct only while every write goes through it: the service worker is the one writer of
 * its storage (its pages ask it by message), and it wraps each area once. A worker that is
 * stopped forgets the copy and reads again. Readers share the values, so they are frozen:
 * changing one in place throws instead of silently changing what the next reader sees.
 */
export function memoArea(area: KeyValueArea): KeyValueArea {
  // Promises, so that a read started before a write resolves to what was stored then,
  // and never lands in the copy after the write.
  const values = new Map<string, Promise<unknown>>();
  // The keys as first listed, and every key written since (true: present): together they
  // answer keys() whether a write landed before, during or after the listing.
  const listing = new Map<'keys', Promise<ReadonlySet<string>>>();
  const written = new Map<string, boolean>();

  const forget = () => {
    values.clear();
    written.clear();
    listing.clear();
  };
  const write = async (key: string, value: unknown, store: () => Promise<void>) => {
    values.set(key, Promise.resolve(value));
    written.set(key, value !== undefined);
    try {
      await store();
    } catch (error) {
      // What is stored is unknown now: read it again next time.
      forget();
      throw error;
    }
  };

  return {
    get: (key) => rememberedPromise(values, key, async () => deepFreeze(await area.get(key))),
    set: (key, value) => write(key, deepFreeze(structuredClone(value)), () => area.set(key, value)),
    remove: (key) => write(key, undefined, () => area.remove(key)),
    async keys() {
      const present = new Set(await rememberedPromise(listing, 'keys', async () => new Set(await area.keys())));
      for (const [key, exists] of written) {
        if (exists) present.add(key);
        else present.delete(key);
      }
      return [...present];
    },
  };
}
