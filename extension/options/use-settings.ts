import { useEffect, useState } from 'preact/hooks';
import type { ViewError } from '../../src/worker-messages/protocol';
import type { Settings } from '../../src/settings/settings';
import { askWorker } from '../shared/ask-worker';

export interface SettingsModel {
  readonly settings: Settings | undefined;
  readonly loadError: ViewError | undefined;
  /** Takes the settings a worker reply returned, which are what is now stored. */
  readonly replace: (settings: Settings) => void;
}

export function useSettings(): SettingsModel {
  const [settings, setSettings] = useState<Settings>();
  const [loadError, setLoadError] = useState<ViewError>();
  useEffect(() => {
    void askWorker({ type: 'settings' }).then((reply) => {
      if (reply.ok) setSettings(reply.value);
      else setLoadError(reply.error);
    });
  }, []);
  return { settings, loadError, replace: setSettings };
}
