import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { ViewError } from '../../src/worker-messages/protocol';
import type { Settings } from '../../src/settings/settings';
import type { ManagedLocks } from '../../src/settings/managed-merge';
import { askWorker } from '../shared/ask-worker';

export interface SettingsModel {
  readonly settings: Settings | undefined;
  /** What the organisation set; nothing until the first answer. */
  readonly locks: ManagedLocks;
  readonly loadError: ViewError | undefined;
  /** Takes the settings a worker reply returned, which are what is now stored. */
  readonly replace: (settings: Settings) => void;
}

const unlocked: ManagedLocks = { settings: [], portals: [] };

export function useSettings(): SettingsModel {
  const [settings, setSettings] = useState<Settings>();
  const [locks, setLocks] = useState(unlocked);
  const [loadError, setLoadError] = useState<ViewError>();
  useEffect(() => {
    const load = () =>
      void askWorker({ type: 'settings' }).then((reply) => {
        if (!reply.ok) return setLoadError(reply.error);
        const { locks: fixed, ...inForce } = reply.value;
        setSettings(inForce);
        setLocks(fixed);
      });
    load();
    // A policy can change while the page is open; what it locks must show at once.
    const onChanged = (_changes: unknown, area: string) => {
      if (area === 'managed') load();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);
  return { settings, locks, loadError, replace: setSettings };
}
