import { useCallback, useEffect, useState } from 'preact/hooks';
import type { PortalListing } from '../../src/worker';
import type { ViewError } from '../../src/worker-messages/protocol';
import { askWorker } from '../shared/ask-worker';

export interface PortalListingModel {
  /** Undefined until the worker's first answer. */
  readonly portals: readonly PortalListing[] | undefined;
  readonly error: ViewError | undefined;
  readonly reload: () => Promise<void>;
}

/** Every portal the extension knows, as the worker lists it; reloaded after each change. */
export function usePortalListing(): PortalListingModel {
  const [portals, setPortals] = useState<readonly PortalListing[]>();
  const [error, setError] = useState<ViewError>();
  const reload = useCallback(async () => {
    const reply = await askWorker({ type: 'portals' });
    if (reply.ok) {
      setPortals(reply.value);
      setError(undefined);
    } else setError(reply.error);
  }, []);
  useEffect(() => void reload(), [reload]);
  return { portals, error, reload };
}
