import { useEffect, useRef, useState } from 'preact/hooks';

export interface ToastMessage {
  readonly id: number;
  readonly text: string;
  readonly kind: 'success' | 'error';
  /** A way out the message offers, such as letting the oldest console session go. */
  readonly action?: ToastAction;
}

export interface ToastAction {
  readonly label: string;
  readonly testid: string;
  readonly run: () => void;
}

export interface Toaster {
  readonly toast: ToastMessage | undefined;
  readonly show: (text: string, kind: ToastMessage['kind'], action?: ToastAction) => void;
  readonly dismiss: () => void;
}

const successMs = 2_000;

/** One message at a time: a success fades by itself, an error waits to be read and dismissed. */
export function useToast(): Toaster {
  const [toast, setToast] = useState<ToastMessage>();
  const next = useRef(0);

  useEffect(() => {
    if (toast?.kind !== 'success') return undefined;
    const timer = setTimeout(() => setToast(undefined), successMs);
    return () => clearTimeout(timer);
  }, [toast]);

  return {
    toast,
    show: (text, kind, action) => setToast({ id: ++next.current, text, kind, ...(action ? { action } : {}) }),
    dismiss: () => setToast(undefined),
  };
}
