/**
 * The slice of `browser.storage.*` the core needs. The worker passes `storage.session`
 * (memory, for tokens and keys) or `storage.local` (disk, for nothing secret).
 */
export interface KeyValueArea {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  remove(key: string): Promise<void>;
  keys(): Promise<string[]>;
}

/** An area held in a Map: what Node programs and unit tests use. */
export function memoryArea(): KeyValueArea & { readonly entries: Map<string, unknown> } {
  const entries = new Map<string, unknown>();
  return {
    entries,
    get: async (key) => structuredClone(entries.get(key)),
    set: async (key, value) => {
      entries.set(key, structuredClone(value));
    },
    remove: async (key) => {
      entries.delete(key);
    },
    keys: async () => [...entries.keys()],
  };
}
