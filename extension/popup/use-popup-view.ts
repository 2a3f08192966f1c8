import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { PopupView, PortalView, Reply, TenantRow, ViewError } from '../../src/worker-messages/protocol';
import { askWorker } from '../shared/ask-worker';

export interface PopupModel {
  /** Undefined until the worker's first answer. */
  readonly view: PopupView | undefined;
  /** Why the worker could not give even the stored state. */
  readonly loadError: ViewError | undefined;
  readonly refreshing: ReadonlySet<string>;
  readonly reload: () => void;
  readonly refresh: (origin: string) => void;
  readonly replacePortal: (portal: PortalView) => void;
  readonly patchRow: (origin: string, scope: string, patch: Partial<TenantRow>) => void;
}

/**
 * Shows the stored state at once, then refreshes every portal from the network and swaps
 * each one in as it answers, so a slow portal never holds back the others.
 */
export function usePopupView(firstState: Promise<Reply<PopupView>>): PopupModel {
  const [view, setView] = useState<PopupView>();
  const [loadError, setLoadError] = useState<ViewError>();
  const [refreshing, setRefreshing] = useState<ReadonlySet<string>>(new Set());

  // Updates go through the latest state: a refresh may land while a click is in flight.
  const updatePortal = useCallback((origin: string, update: (portal: PortalView) => PortalView) => {
    setView((current) => current && { ...current, portals: current.portals.map((old) => (old.origin === origin ? update(old) : old)) });
  }, []);
  const replacePortal = useCallback((portal: PortalView) => updatePortal(portal.origin, () => portal), [updatePortal]);
  const patchRow = useCallback(
    (origin: string, scope: string, patch: Partial<TenantRow>) =>
      updatePortal(origin, (portal) => ({ ...portal, rows: portal.rows.map((row) => (row.scope === scope ? { ...row, ...patch } : row)) })),
    [updatePortal],
  );

  const runRefresh = useCallback(
    async (origin: string) => {
      const reply = await askWorker({ type: 'refresh', origin });
      if (reply.ok) replacePortal(reply.value);
      // The last known rows stay; only the reason is added.
      else updatePortal(origin, (portal) => ({ ...portal, error: reply.error }));
      setRefreshing((current) => new Set([...current].filter((pending) => pending !== origin)));
    },
    [replacePortal, updatePortal],
  );

  const refresh = useCallback(
    (origin: string) => {
      setRefreshing((current) => new Set([...current, origin]));
      void runRefresh(origin);
    },
    [runRefresh],
  );

  // The state asked for before the first render serves the first load; "Try again" asks anew.
  const pending = useRef<Promise<Reply<PopupView>> | undefined>(firstState);
  const reload = useCallback(async () => {
    setLoadError(undefined);
    const reply = await (pending.current ?? askWorker({ type: 'state' }));
    pending.current = undefined;
    if (!reply.ok) {
      setLoadError(reply.error);
      return;
    }
    const origins = reply.value.portals.map((portal) => portal.origin);
    // Set together with the view, so the indicator never blinks off between the two answers.
    setRefreshing(new Set(origins));
    setView(reply.value);
    for (const origin of origins) void runRefresh(origin);
  }, [runRefresh]);

  useEffect(() => void reload(), [reload]);

  return { view, loadError, refreshing, reload: () => void reload(), refresh, replacePortal, patchRow };
}
