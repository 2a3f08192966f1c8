import {
  acceptToken,
  confirmPortal,
  dropGrantsOfRemoved,
  forgetSession,
  popupView,
  portalEntry,
  portalListing,
  portalView,
  refreshPortal,
  removePortal,
  setTenantConsoleDefault,
  setTokenSharing,
  tenantConsoleDefault,
  type PortalContext,
  type RequestLog,
} from '../../src/worker';
import type { WorkerHandlers } from '../../src/worker';
import { loadSettings, saveSettings, scopeKey } from '../../src/settings/settings';
import type { ManagedSource } from '../../src/settings/managed-area';
import { managedLocks } from '../../src/settings/managed-merge';
import { answerApproval, approvalDetails } from './approval-window';
import type { OpenConsole } from './console-tabs';
import { copyKeys, copyKubeconfig } from './copy-keys';
import type { SignIns } from './sign-in';

/** How the service worker answers each request from a page of the extension. */
export function workerHandlers(context: PortalContext, requestLog: RequestLog, signIns: SignIns, managed: ManagedSource, openConsole: OpenConsole): WorkerHandlers {
  const disk = context.deps.disk;
  return {
    state: () => popupView(context),
    async refresh({ origin }) {
      await refreshPortal(context, origin);
      return portalView(context, origin);
    },
    async 'open-console'({ origin, scope, endOldest, page }) {
      await openConsole(origin, scope, { ...(endOldest ? { endOldest } : {}), ...(page ? { page } : {}) });
      return null;
    },
    'copy-keys': ({ origin, scope, format }) => copyKeys(context, origin, scope, format),
    'copy-kubeconfig': ({ origin, scope }) => copyKubeconfig(context, origin, scope),
    async 'sign-in'({ origin }) {
      await signIns.start(origin);
      return null;
    },
    async favorite({ origin, scope, on }) {
      const { favorites } = await loadSettings(disk);
      const key = scopeKey(origin, scope);
      const rest = favorites.filter((favorite) => favorite !== key);
      await saveSettings(disk, { favorites: on ? [...rest, key] : rest });
      return portalView(context, origin);
    },
    settings: async () => ({ ...(await loadSettings(disk)), locks: managedLocks(await managed()) }),
    async 'save-settings'({ settings }) {
      const { portals } = await loadSettings(disk);
      const saved = await saveSettings(disk, settings);
      await dropGrantsOfRemoved(context.deps.memory, portals, saved.portals);
      return saved;
    },
    async 'add-portal'({ origin, apiHost }) {
      const entry = portalEntry(origin, apiHost);
      const { portals } = await loadSettings(disk);
      return saveSettings(disk, { portals: [...portals.filter((portal) => portal.origin !== entry.origin), entry] });
    },
    'remove-portal': ({ origin }) => removePortal(context, origin),
    portals: () => portalListing(context),
    async 'confirm-portal'({ origin }) {
      await confirmPortal(context, origin);
      await refreshPortal(context, origin);
      return portalView(context, origin);
    },
    'share-token': ({ origin, on }) => setTokenSharing(context, origin, on),
    async 'forget-session'({ origin }) {
      await forgetSession(context, origin);
      return null;
    },
    async 'paste-token'({ origin, token, remember }) {
      await acceptToken(context, portalEntry(origin).origin, token, 'pasted', remember);
      return null;
    },
    approval: async ({ id }) => approvalDetails(id) ?? null,
    'approval-answer': async ({ id, allow }) => answerApproval(id, allow),
    'bridge-log': () => requestLog.entries(),
    'console-default': ({ origin, scope }) => tenantConsoleDefault(disk, origin, scope),
    'set-console-default': ({ origin, scope, choice }) => setTenantConsoleDefault(disk, origin, scope, choice),
  };
}
