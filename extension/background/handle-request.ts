import { toViewError, type RequestMap, type RequestType, type WorkerHandlers } from '../../src/worker';
import { RequestSchema, type Reply, type WorkerRequest } from '../../src/worker-messages/protocol';

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

// Generic over the type, so the handler found is the one that takes this request.
function dispatch<Type extends RequestType>(handlers: WorkerHandlers, type: Type, request: RequestMap[Type]) {
  return handlers[type](request);
}

/** Parses what a page of the extension asked and answers with a Reply, never a thrown error. */
export async function handleRequest(handlers: WorkerHandlers, message: unknown): Promise<Reply<unknown>> {
  const parsed = RequestSchema.safeParse(message);
  if (!parsed.success) {
    return { ok: false, error: { code: 'BAD_MESSAGE', message: 'The extension received a request it does not understand.' } };
  }
  const request = parsed.data;
  try {
    return { ok: true, value: await dispatch(handlers, request.type, request) };
  } catch (error) {
    return { ok: false, error: toViewError(error, 'origin' in request ? request.origin : '') };
  }
}
