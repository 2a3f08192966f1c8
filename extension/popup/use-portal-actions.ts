import { useRef, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { copyFormatLabels, type CopyFormat } from '../../src/aws/copy-formats';
import type { PortalView, TenantRow } from '../../src/worker-messages/protocol';
import { askWorker } from '../shared/ask-worker';
import { hostPattern } from '../shared/host-pattern';
import type { Toaster } from './use-toast';

/** What the worker answers to `copy-keys`: the format it used and when the keys expire. */
export type RowAction = 'console' | 'copy';

export interface PortalActions {
  readonly origin: string;
  /** The row action waiting for the worker. */
  readonly pending: { readonly scope: string; readonly action: RowAction } | undefined;
  /** Whether Console opens the tab's console page rather than the console home. */
  readonly openingPage: boolean;
  readonly openConsole: (row: TenantRow) => void;
  readonly copyKeys: (row: TenantRow, format?: CopyFormat) => void;
  readonly copyKubeconfig: (row: TenantRow) => void;
  readonly toggleFavorite: (row: TenantRow) => void;
  readonly signIn: () => void;
  readonly allowAccess: () => void;
  /** "Use it" for a portal only seen on a page. */
  readonly confirm: () => void;
}

export interface ActionHost {
  readonly origin: string;
  readonly toaster: Toaster;
  readonly refresh: (origin: string) => void;
  readonly replacePortal: (portal: PortalView) => void;
  readonly patchRow: (origin: string, scope: string, patch: Partial<TenantRow>) => void;
  /** A console page to open in the tenant instead of its console home. */
  readonly page?: string | undefined;
}

/** Everything a click in one portal can ask the worker, with its outcome shown to the user. */
export function usePortalActions({ origin, toaster, refresh, replacePortal, patchRow, page }: ActionHost): PortalActions {
  const [pending, setPending] = useState<PortalActions['pending']>();
  // A ref, not the state: a double click lands before the re-render that would disable the button.
  const busy = useRef(false);
  const host = new URL(origin).host;

  const run = async (row: TenantRow, action: RowAction, work: () => Promise<void>) => {
    if (busy.current) return;
    busy.current = true;
    setPending({ scope: row.scope, action });
    try {
      await work();
    } finally {
      busy.current = false;
      setPending(undefined);
    }
  };

  const openConsole = async (row: TenantRow, endOldest: boolean) => {
    const reply = await askWorker({ type: 'open-console', origin, scope: row.scope, ...(endOldest ? { endOldest } : {}), ...(page ? { page } : {}) });
    if (reply.ok) window.close();
    else if (reply.error.code === 'SESSION_LIMIT') {
      const action = { label: 'Sign out the oldest', testid: 'sign-out-oldest', run: () => void run(row, 'console', () => openConsole(row, true)) };
      toaster.show(reply.error.message, 'error', action);
    } else toaster.show(reply.error.message, 'error');
  };

  return {
    origin,
    pending,
    openingPage: page !== undefined,
    openConsole: (row) => void run(row, 'console', () => openConsole(row, false)),
    copyKeys: (row, format) =>
      void run(row, 'copy', async () => {
        const reply = await askWorker({ type: 'copy-keys', origin, scope: row.scope, ...(format ? { format } : {}) });
        if (!reply.ok) {
          toaster.show(reply.error.message, 'error');
          return;
        }
        patchRow(origin, row.scope, { expiresAt: new Date(reply.value.expiresAt).toISOString(), error: undefined });
        toaster.show(`Copied ${copyFormatLabels[reply.value.format]} keys for ${row.name}`, 'success');
      }),
    copyKubeconfig: (row) =>
      void run(row, 'copy', async () => {
        const reply = await askWorker({ type: 'copy-kubeconfig', origin, scope: row.scope });
        if (reply.ok) toaster.show(`Copied a kubeconfig for ${row.name}: kubectl runs duplo-jit-bridge k8s for its token`, 'success');
        else toaster.show(reply.error.message, 'error');
      }),
    toggleFavorite: (row) => {
      void askWorker({ type: 'favorite', origin, scope: row.scope, on: !row.favorite }).then((reply) => {
        if (reply.ok) replacePortal(reply.value);
        else toaster.show(reply.error.message, 'error');
      });
    },
    signIn: () => {
      void askWorker({ type: 'sign-in', origin }).then((reply) => {
        if (reply.ok) window.close();
        else toaster.show(reply.error.message, 'error');
      });
    },
    confirm: () => {
      void askWorker({ type: 'confirm-portal', origin }).then((reply) => {
        if (reply.ok) replacePortal(reply.value);
        else toaster.show(reply.error.message, 'error');
      });
    },
    allowAccess: () => {
      // Requested first thing in the click: the browser grants only during a user gesture.
      browser.permissions.request({ origins: [hostPattern(origin)] }).then(
        (granted) => {
          if (granted) refresh(origin);
          else toaster.show(`Access to ${host} was not allowed. The extension cannot list its tenants without it.`, 'error');
        },
        () => toaster.show(`The browser would not ask for access to ${host}.`, 'error'),
      );
    },
  };
}
