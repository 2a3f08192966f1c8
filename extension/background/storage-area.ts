import type { Storage } from 'webextension-polyfill';
import type { KeyValueArea } from '../../src/storage/key-value';

/** The core's storage interface over one `browser.storage` area. */
export function storageArea(area: Storage.StorageArea): KeyValueArea {
  return {
    get: async (key) => (await area.get(key))[key],
    set: (key, value) => area.set({ [key]: value }),
    remove: (key) => area.remove(key),
    keys: async () => Object.keys(await area.get(null)),
  };
}
