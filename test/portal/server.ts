import type { IncomingMessage, RequestListener } from 'node:http';
import { apiRoutes } from './api-routes';
import type { PortalContext, Route } from './context';
import { controlReply } from './control-routes';
import type { DemoControls } from './control-routes';
import type { RequestCounters } from './counters';
import { applyFault } from './faults';
import type { FaultPlan } from './faults';
import { pageRoutes } from './pages/page-routes';
import { BadRequest, messageReply, methodNotAllowed, notFound, readJsonBody, sendReply, textReply } from './reply';
import type { Reply } from './reply';
import { matchTemplate } from './routes';

export interface PortalServerParts {
  readonly context: PortalContext;
  readonly faults: FaultPlan;
  readonly counters: RequestCounters;
  /** Absent when the /__demo/* paths are switched off. */
  readonly controls: DemoControls | undefined;
  /** Aborted on stop, so that injected latency does not hold the process open. */
  readonly stopping: AbortSignal;
}

const routes: readonly Route[] = [...apiRoutes, ...pageRoutes];

export function portalRequestListener(parts: PortalServerParts): RequestListener {
  return (request, response) => {
    answer(request, parts).then(
      (reply) => sendReply(response, reply),
      (error: unknown) => {
        if (parts.stopping.aborted || response.headersSent) {
          response.destroy();
          return;
        }
        if (error instanceof BadRequest) {
          sendReply(response, messageReply(400, error.message));
          return;
        }
        // The error, never the request: headers and bodies carry tokens and keys.
        console.error('demo portal: request failed:', error instanceof Error ? error.message : error);
        sendReply(response, messageReply(500, 'Internal error in the demo portal'));
      },
    );
  };
}

async function answer(request: IncomingMessage, parts: PortalServerParts): Promise<Reply> {
  let url: URL;
  try {
    url = new URL(`${parts.context.url}${request.url ?? '/'}`);
  } catch {
    return textReply(400, 'Bad Request');
  }
  const readJson = () => readJsonBody(request);
  if (url.pathname.startsWith('/__demo/') && parts.controls) return controlReply(request.method, url.pathname, readJson, parts.controls);
  const match = findRoute(url.pathname);
  if (!match) return notFound();
  const { route, params } = match;
  if (route.name) parts.counters.count(route.name);
  if (request.method !== route.method) return methodNotAllowed(route.method);
  const rule = route.name ? parts.faults.take(route.name) : undefined;
  const produce = async () => route.handle({ url, headers: request.headers, params, readJson }, parts.context);
  return applyFault(rule, produce, parts.stopping);
}

function findRoute(pathname: string): { route: Route; params: Record<string, string> } | undefined {
  for (const route of routes) {
    const params = matchTemplate(route.path, pathname);
    if (params) return { route, params };
  }
  return undefined;
}
