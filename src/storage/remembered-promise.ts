/**
 * The promise `load` gave for `key`, asked for once and shared by every caller after; one
 * that rejects is forgotten, so the next call asks again instead of failing for good.
 */
export function rememberedPromise<K, V>(remembered: Map<K, Promise<V>>, key: K, load: () => Promise<V>): Promise<V> {
  const known = remembered.get(key);
  if (known) return known;
  const loading = load();
  remembered.set(key, loading);
  loading.catch(() => remembered.get(key) === loading && remembered.delete(key));
  return loading;
}
