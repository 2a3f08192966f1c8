import { toCredentialProcess, type CredentialProcessOutput } from '../aws/credential-process';
import { errorResponse, protocolVersion, type BridgeErrorCode, type BridgeResponse, type ForwardedRequest, type PortalTokenResult } from '../bridge/protocol';
import { PortalError } from '../duplo/errors';
import type { ExecCredential } from '../duplo/exec-credential';
import { normalizePortalHost } from '../duplo/portal-host';
import { resolveTenant, type TenantListing } from '../duplo/resolve-tenant';
import { loadSettings } from '../settings/settings';
import type { Refusal } from './approval-ask';
import { defaultMaxPrompts } from './approval-queue';
import type { Approvals } from './approvals';
import { consoleUrlFor, credentialsFor } from './credentials';
import { execCredentialFor } from './k8s-credentials';
import type { KnownTenants } from './known-tenants';
import type { PortalContext } from './portal-context';
import { programOf, type PeerLookup } from './program-identity';
import { refreshPortal } from './refresh';
import { askedFor, targetOf } from './request-target';
import { sharedSession } from './token-sharing';
import { toViewError } from './view-error';

const bridgeCodes: Partial<Record<string, BridgeErrorCode>> = {
  NOT_SIGNED_IN: 'NOT_SIGNED_IN',
  PERMISSION_NEEDED: 'NOT_SIGNED_IN',
  PORTAL_NOT_CONFIGURED: 'PORTAL_NOT_CONFIGURED',
  PORTAL_NOT_CONFIRMED: 'PORTAL_NOT_CONFIGURED',
  TENANT_NOT_FOUND: 'TENANT_NOT_FOUND',
  // The bridge's code says the tenant could not be chosen; the words say why.
  TENANT_AMBIGUOUS: 'TENANT_NOT_FOUND',
  TIMEOUT: 'TIMEOUT',
  TOKEN_SHARING_OFF: 'TOKEN_SHARING_OFF',
  UNAUTHORIZED: 'NOT_SIGNED_IN',
};

/** `admin`, `duplo-ops`, a tenant ID, or a tenant name looked up in the known list (refreshed once if missing). */
async function resolveScope(context: PortalContext, origin: string, wanted: string): Promise<string> {
  if (wanted === 'admin' || wanted === 'duplo-ops') return wanted;
  const kept: TenantListing = async () => ((await context.known.get(origin))?.tenants ?? []).map((tenant) => ({ TenantId: tenant.id, AccountName: tenant.name }));
  const refreshed: TenantListing = async () => {
    await refreshPortal(context, origin);
    return kept();
  };
  return (await resolveTenant(wanted, kept, refreshed)).id;
}

/** What `status` says: no more than signed in or out, since it is answered without asking. */
interface StatusResult {
  readonly portal: string;
  readonly session: 'signed-in' | 'signed-out';
}

type BridgeResult = StatusResult | KnownTenants['tenants'] | { readonly ConsoleUrl: string } | CredentialProcessOutput | PortalTokenResult | ExecCredential;

type Answer = { readonly kind: 'result'; readonly result: BridgeResult } | { readonly kind: 'refused'; readonly refusal: Refusal };

async function answer(context: PortalContext, approvals: Approvals, request: ForwardedRequest, lookup: PeerLookup, origin: string): Promise<Answer> {
  // A local program must never make the extension send a token to a host the user did not choose.
  const portal = await context.portal(origin);
  const settings = await loadSettings(context.deps.disk);
  // Unapproved, so it says no more than signed in or out: doctor and scripts check it, and the popup shows as much.
  if (request.op === 'status') {
    const session = await context.sessions.get(origin);
    return { kind: 'result', result: { portal: origin, session: session && session.state !== 'expired' ? 'signed-in' : 'signed-out' } };
  }
  if (request.op === 'portal-token') {
    const ask = { origin, request: request.id, program: programOf(request, await lookup.peer()), timeoutSeconds: settings.approvalTimeoutSeconds };
    const shared = await sharedSession(context, approvals, ask);
    return typeof shared === 'string' ? { kind: 'refused', refusal: shared } : { kind: 'result', result: shared };
  }
  await context.signedIn(origin);
  const policy = portal.approval ?? settings.approvalPolicy;
  const target = targetOf(request);
  // Nothing reaches the portal before the user's yes: not even a tenant-list refresh for an unknown name.
  if (policy !== 'never-ask') {
    // Only an approval needs the program, and finding it costs the host an `ss` run.
    const program = programOf(request, await lookup.peer());
    const given = await approvals.approve({ origin, target, program, policy, timeoutSeconds: settings.approvalTimeoutSeconds });
    if (given !== 'allow') return { kind: 'refused', refusal: given };
  }
  return { kind: 'result', result: await approvedResult(context, request, origin) };
}

async function approvedResult(context: PortalContext, request: ForwardedRequest, origin: string): Promise<BridgeResult> {
  if (request.op === 'tenants') {
    await refreshPortal(context, origin);
    return (await context.known.get(origin))?.tenants ?? [];
  }
  if (request.op === 'k8s-credentials' && request.plan) return execCredentialFor(context, origin, { plan: request.plan });
  const scope = await resolveScope(context, origin, request.scope ?? '');
  if (request.op === 'k8s-credentials') return execCredentialFor(context, origin, { tenantId: scope });
  if (request.op === 'console-url') {
    const choice = { ...(request.region ? { region: request.region } : {}), ...(request.service ? { service: request.service } : {}) };
    return { ConsoleUrl: await consoleUrlFor(context, origin, scope, choice) };
  }
  const entry = await credentialsFor(context, origin, scope, 'keys');
  return toCredentialProcess(entry.jit, new Date(entry.issuedAt), origin);
}

/** Why the answer is no, in words; `what` names the request. */
function refusalMessage(refusal: Refusal, what: string): string {
  switch (refusal) {
    case 'deny':
      return `You denied ${what} in the browser.`;
    case 'timeout':
      return `Nobody answered the browser's approval prompt for ${what} in time. Retry and choose Allow, or change the approval setting in the extension's options.`;
    case 'busy':
      return `The browser refused ${what} without asking: too many requests already wait for approval (at most ${defaultMaxPrompts} prompts, one shown at a time). Answer the prompt in the browser, then retry.`;
  }
}

/** Answers one local program's request with the same sessions and cache the popup uses. */
export async function answerBridgeRequest(context: PortalContext, approvals: Approvals, request: ForwardedRequest, lookup: PeerLookup): Promise<BridgeResponse> {
  // clear-cache needs no approval and no configured portal: it only removes, and the next request is asked for as usual.
  const cleared = (removed: number): BridgeResponse => ({ v: protocolVersion, id: request.id, ok: true, result: { removed } });
  if (request.portal === undefined) {
    return request.op === 'clear-cache' ? cleared(await context.cache.dropAll()) : errorResponse(request.id, 'BAD_REQUEST', `${request.op} needs a portal.`);
  }
  let origin: string;
  try {
    origin = normalizePortalHost(request.portal);
  } catch (error) {
    return errorResponse(request.id, 'BAD_REQUEST', toViewError(error, request.portal).message);
  }
  if (request.op === 'clear-cache') return cleared(await context.cache.drop(origin));
  try {
    const answered = await answer(context, approvals, request, lookup, origin);
    switch (answered.kind) {
      case 'result':
        return { v: protocolVersion, id: request.id, ok: true, result: answered.result };
      case 'refused': {
        const what = `the request for ${askedFor(request)} on ${new URL(origin).host}`;
        return errorResponse(request.id, 'DENIED', refusalMessage(answered.refusal, what));
      }
    }
  } catch (error) {
    const words = toViewError(error, origin);
    return errorResponse(request.id, bridgeCodes[words.code] ?? (error instanceof PortalError ? 'PORTAL_ERROR' : 'BAD_REQUEST'), words.message);
  }
}
