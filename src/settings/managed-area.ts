import type { KeyValueArea } from '../storage/key-value';
import { userPart, withManaged } from './managed-merge';
import type { ManagedSettings } from './managed-schema';
import { loadSettings, SettingsSchema, settingsKey } from './settings';

/** The organisation's settings as they are now (`storage.managed`, parsed); none is `{}`. */
export type ManagedSource = () => Promise<ManagedSettings>;

/**
 * storage.local as the core sees it: the settings read back are those in force (the
 * organisation's over the user's), and writing them stores only the user's part, refusing
 * a change to a locked setting. Every reader of the settings goes through loadSettings on
 * this area, so none of them can miss a managed value. Other keys pass through.
 */
export function withManagedSettings(area: KeyValueArea, managed: ManagedSource): KeyValueArea {
  return {
    async get(key) {
      if (key !== settingsKey) return area.get(key);
      return withManaged(await loadSettings(area), await managed());
    },
    async set(key, value) {
      if (key !== settingsKey) return area.set(key, value);
      return area.set(key, userPart(SettingsSchema.parse(value), await loadSettings(area), await managed()));
    },
    remove: (key) => area.remove(key),
    keys: () => area.keys(),
  };
}
