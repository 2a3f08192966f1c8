import type { Settings } from '../settings/settings';
import type { ManagedLocks } from '../settings/managed-merge';
import type { PromptView } from './approval-queue';
import type { PortalListing } from './portal-listing';
import type { RequestLogEntry } from './request-log';
import type { TenantConsoleDefault } from './tenant-console-defaults';
import type { CopiedKeys, PopupView, PortalView, WorkerRequest } from '../worker-messages/protocol';

export type RequestType = WorkerRequest['type'];

/** Each request by its `type`; a mapped type, so a handler and its request stay paired under a generic type. */
export type RequestMap = { [Request in WorkerRequest as Request['type']]: Request };

/** What the worker answers to each request; a page's reply type is read from here, never chosen by the page. */
interface Replies {
  state: PopupView;
  refresh: PortalView;
  'open-console': null;
  'copy-keys': CopiedKeys;
  'copy-kubeconfig': null;
  'sign-in': null;
  favorite: PortalView;
  /** The settings in force, and which of them the organisation set (docs/managed-settings.md). */
  settings: Settings & { readonly locks: ManagedLocks };
  'save-settings': Settings;
  'add-portal': Settings;
  'remove-portal': Settings;
  portals: PortalListing[];
  'confirm-portal': PortalView;
  'forget-session': null;
  'share-token': Settings;
  'paste-token': null;
  /** `null` once the prompt has been answered or closed. */
  approval: PromptView | null;
  /** Whether the answer counted (an Allow before the prompt is armed does not). */
  'approval-answer': boolean;
  'bridge-log': RequestLogEntry[];
  'console-default': TenantConsoleDefault;
  'set-console-default': TenantConsoleDefault;
}

/** The service worker's answer to every request type, one handler each (extension/background/worker-handlers.ts). */
export type WorkerHandlers = { readonly [Type in RequestType]: (request: RequestMap[Type]) => Promise<Replies[Type]> };

export type ReplyOf<Type extends RequestType> = Awaited<ReturnType<WorkerHandlers[Type]>>;
