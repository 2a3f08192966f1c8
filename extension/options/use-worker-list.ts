import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ReplyOf, RequestMap } from '../../src/worker';
import type { ViewError } from '../../src/worker-messages/protocol';
import { askWorker } from '../shared/ask-worker';

/** The lists the options page shows: requests that carry nothing but their type. */
type ListRequest = 'portals' | 'bridge-log';

export interface WorkerList<Type extends ListRequest> {
  /** Undefined until the worker's first answer. */
  readonly value: ReplyOf<Type> | undefined;
  readonly error: ViewError | undefined;
  readonly reload: () => Promise<void>;
}

/** One list as the worker keeps it: loaded when the page opens, and again on `reload`. */
export function useWorkerList<Type extends ListRequest>(type: Type): WorkerList<Type> {
  const [value, setValue] = useState<ReplyOf<Type>>();
  const [error, setError] = useState<ViewError>();
  const reload = useCallback(async () => {
    const reply = await askWorker({ type } as RequestMap[Type]);
    if (reply.ok) {
      setValue(reply.value);
      setError(undefined);
    } else setError(reply.error);
  }, [type]);
  useEffect(() => void reload(), [reload]);
  return { value, error, reload };
}
