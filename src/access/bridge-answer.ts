import { toCredentialProcess } from '../aws/credential-process';
import { errorResponse, protocolVersion, type BridgeErrorCode, type BridgeRequest, type BridgeResponse } from '../bridge/protocol';
import { PortalError } from '../duplo/errors';
import { normalizePortalHost } from '../duplo/portal-host';
import { looksLikeTenantId } from '../duplo/resolve-tenant';
import { loadSettings } from '../settings/settings';
import { AccessError } from './access-error';
import type { Approvals } from './approvals';
import { consoleUrlFor, credentialsFor } from './credentials';
import type { PortalContext } from './portal-context';
import { refreshPortal } from './refresh';
import { toViewError } from './view-error';

const bridgeCodes: Partial<Record<string, BridgeErrorCode>> = {
  NOT_SIGNED_IN: 'NOT_SIGNED_IN',
  PERMISSION_NEEDED: 'NOT_SIGNED_IN',
  PORTAL_NOT_CONFIGURED: 'PORTAL_NOT_CONFIGURED',
  PORTAL_NOT_CONFIRMED: 'PORTAL_NOT_CONFIGURED',
  TENANT_NOT_FOUND: 'TENANT_NOT_FOUND',
  TIMEOUT: 'TIMEOUT',
  UNAUTHORIZED: 'NOT_SIGNED_IN',
};

/** `admin`, `duplo-ops`, a tenant ID, or a tenant name looked up in the known list (refreshed once if missing). */
async function resolveScope(context: PortalContext, origin: string, wanted: string): Promise<{ scope: string; name: string }> {
  if (wanted === 'admin') return { scope: 'admin', name: 'Admin' };
  if (wanted === 'duplo-ops') return { scope: 'duplo-ops', name: 'duplo-ops' };
  const find = async () => (await context.known.get(origin))?.tenants.find((tenant) => (looksLikeTenantId(wanted) ? tenant.id === wanted : tenant.name === wanted));
  let match = await find();
  if (!match) {
    await refreshPortal(context, origin);
    match = await find();
  }
  if (match) return { scope: match.id, name: match.name };
  if (looksLikeTenantId(wanted)) return { scope: wanted, name: wanted };
  throw new PortalError('TENANT_NOT_FOUND', { detail: `"${wanted}"` });
}

async function answer(context: PortalContext, approvals: Approvals, request: BridgeRequest, origin: string): Promise<unknown> {
  // A local program must never make the extension send a token to a host the user did not choose.
  const portal = await context.portal(origin);
  const settings = await loadSettings(context.deps.disk);
  if (request.op === 'status') return { portal: origin, session: (await context.sessions.get(origin))?.state ?? 'signed-out' };
  await context.signedIn(origin);
  if (request.op === 'tenants') {
    await refreshPortal(context, origin);
    return (await context.known.get(origin))?.tenants ?? [];
  }
  if (!request.scope) throw new AccessError('BAD_MESSAGE', `${request.op} needs a scope`);
  const { scope, name } = await resolveScope(context, origin, request.scope);
  const policy = portal.approval ?? settings.approvalPolicy;
  const given = await approvals.approve(policy, { origin, scope, scopeName: name, client: request.client, timeoutSeconds: settings.approvalTimeoutSeconds });
  if (given !== 'allow') return given;
  if (request.op === 'console-url') {
    const choice = { ...(request.region ? { region: request.region } : {}), ...(request.service ? { service: request.service } : {}) };
    return { ConsoleUrl: await consoleUrlFor(context, origin, scope, choice) };
  }
  const entry = await credentialsFor(context, origin, scope, 'keys');
  return toCredentialProcess(entry.jit, new Date(entry.issuedAt));
}

/** Answers one local program's request with the same sessions and cache the popup uses. */
export async function answerBridgeRequest(context: PortalContext, approvals: Approvals, request: BridgeRequest): Promise<BridgeResponse> {
  let origin: string;
  try {
    origin = normalizePortalHost(request.portal);
  } catch (error) {
    return errorResponse(request.id, 'BAD_REQUEST', toViewError(error, request.portal).message);
  }
  try {
    const result = await answer(context, approvals, request, origin);
    const what = `the request for ${request.scope} on ${new URL(origin).host}`;
    if (result === 'deny') return errorResponse(request.id, 'DENIED', `You denied ${what} in the browser.`);
    if (result === 'timeout') {
      return errorResponse(request.id, 'DENIED', `Nobody answered the browser's approval prompt for ${what} in time. Retry and choose Allow, or change the approval setting in the extension's options.`);
    }
    return { v: protocolVersion, id: request.id, ok: true, result };
  } catch (error) {
    const words = toViewError(error, origin);
    return errorResponse(request.id, bridgeCodes[words.code] ?? (error instanceof PortalError ? 'PORTAL_ERROR' : 'BAD_REQUEST'), words.message);
  }
}
