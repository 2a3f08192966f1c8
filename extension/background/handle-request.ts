import browser from 'webextension-polyfill';
import {
  acceptToken,
  confirmPortal,
  consoleUrlFor,
  dropGrantsOfRemoved,
  forgetSession,
  popupView,
  portalEntry,
  portalListing,
  portalView,
  refreshPortal,
  removePortal,
  toViewError,
  type PortalContext,
  type RequestLog,
} from '../../src/worker';
import { RequestSchema, type Reply, type WorkerRequest } from '../../src/worker-messages/protocol';
import { loadSettings, saveSettings, scopeKey } from '../../src/settings/settings';
import { answerApproval, approvalDetails } from './approval-window';
import { copyKeys } from './copy-keys';
import type { SignIns } from './sign-in';

async function openTab(url: string): Promise<void> {
  const tab = await browser.tabs.create({ url, active: true });
  if (tab.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
}

async function dispatch(context: PortalContext, requestLog: RequestLog, request: WorkerRequest, signIns: SignIns): Promise<unknown> {
  const disk = context.deps.disk;
  switch (request.type) {
    case 'state':
      return popupView(context);
    case 'refresh':
      await refreshPortal(context, request.origin);
      return portalView(context, request.origin);
    case 'open-console':
      await openTab(await consoleUrlFor(context, request.origin, request.scope));
      return null;
    case 'copy-keys':
      return copyKeys(context, request.origin, request.scope, request.format);
    case 'sign-in':
      await signIns.start(request.origin);
      return null;
    case 'favorite': {
      const { favorites } = await loadSettings(disk);
      const key = scopeKey(request.origin, request.scope);
      const rest = favorites.filter((favorite) => favorite !== key);
      await saveSettings(disk, { favorites: request.on ? [...rest, key] : rest });
      return portalView(context, request.origin);
    }
    case 'settings':
      return loadSettings(disk);
    case 'save-settings': {
      const { portals } = await loadSettings(disk);
      const saved = await saveSettings(disk, request.settings);
      await dropGrantsOfRemoved(context.deps.memory, portals, saved.portals);
      return saved;
    }
    case 'add-portal': {
      const entry = portalEntry(request.origin, request.apiHost);
      const { portals } = await loadSettings(disk);
      return saveSettings(disk, { portals: [...portals.filter((portal) => portal.origin !== entry.origin), entry] });
    }
    case 'remove-portal':
      return removePortal(context, request.origin);
    case 'portals':
      return portalListing(context);
    case 'confirm-portal':
      await confirmPortal(context, request.origin);
      await refreshPortal(context, request.origin);
      return portalView(context, request.origin);
    case 'forget-session':
      await forgetSession(context, request.origin);
      return null;
    case 'paste-token':
      await acceptToken(context, portalEntry(request.origin).origin, request.token, 'pasted', request.remember);
      return null;
    case 'approval':
      return approvalDetails(request.id) ?? null;
    case 'approval-answer':
      return answerApproval(request.id, request.allow);
    case 'bridge-log':
      return requestLog.entries();
  }
}

/**
 * Requests after which the context menus may show something else (tenants, favorites,
 * recents, portals, sessions). The popup asks for `state` on every open; rebuilding every
 * menu item for that would be work for nothing.
 */
const menuChanging: ReadonlySet<string> = new Set<WorkerRequest['type']>([
  'refresh',
  'open-console',
  'copy-keys',
  'favorite',
  'save-settings',
  'add-portal',
  'remove-portal',
  'confirm-portal',
  'forget-session',
  'paste-token',
]);

export function changesMenus(message: unknown): boolean {
  return typeof message === 'object' && message !== null && 'type' in message && typeof message.type === 'string' && menuChanging.has(message.type);
}

/** Parses what a page of the extension asked and answers with a Reply, never a thrown error. */
export async function handleRequest(context: PortalContext, requestLog: RequestLog, message: unknown, signIns: SignIns): Promise<Reply<unknown>> {
  const parsed = RequestSchema.safeParse(message);
  if (!parsed.success) {
    return { ok: false, error: { code: 'BAD_MESSAGE', message: 'The extension received a request it does not understand.' } };
  }
  const request = parsed.data;
  try {
    return { ok: true, value: await dispatch(context, requestLog, request, signIns) };
  } catch (error) {
    return { ok: false, error: toViewError(error, 'origin' in request ? request.origin : '') };
  }
}
