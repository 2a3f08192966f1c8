import { awsAccount, awsRegions, defaultAwsRegion, demoTenants, tenantsOf } from './fixtures';
import type { DemoUser } from './fixtures';
import type { PortalContext, Route, RouteRequest } from './context';
import type { JitScope } from './jit';
import { planOf } from './k8s';
import { jsonReply, messageReply, notFound } from './reply';
import type { Reply } from './reply';
import type { ApiRouteName } from './routes';

type ApiHandler = (user: DemoUser, request: RouteRequest, context: PortalContext) => Reply;

/** Every API route needs a valid Bearer token; the handler runs only for a known user. */
function apiRoute(name: ApiRouteName, handler: ApiHandler): Route {
  return {
    path: `/${name}`,
    method: 'GET',
    name,
    handle: (request, context) => {
      const user = context.sessions.userFor(request.headers.authorization);
      if (!user) return messageReply(401, 'Unauthorized: sign in to the portal again');
      return handler(user, request, context);
    },
  };
}

function systemFeatures(_user: DemoUser, _request: RouteRequest, context: PortalContext): Reply {
  return jsonReply(200, {
    IsOtpNeeded: context.otpCode !== undefined,
    IsAwsAdminJITEnabled: true,
    IsDuploOpsEnabled: true,
    DefaultAwsRegion: defaultAwsRegion,
    DefaultAwsAccount: awsAccount,
    AwsRegions: awsRegions,
    IsAwsCloudEnabled: true,
    // Not in the contract: clients must tolerate fields they do not know, and nulls.
    TenantNameMaxLength: 15,
    IsTagsBasedResourceMgmtEnabled: true,
    DevopsManagerHostname: null,
    AppVersion: 'demo',
  });
}

function userTenants(user: DemoUser, _request: RouteRequest, context: PortalContext): Reply {
  return jsonReply(
    200,
    tenantsOf(user).filter((tenant) => !context.removedTenants.has(tenant.name)).map((tenant) => ({ TenantId: tenant.id, AccountName: tenant.name, PlanID: tenant.plan.id, InfraOwner: tenant.plan.id, TenantPolicy: null })),
  );
}

/** The tenant a request names, if this user may use it; a user never learns whether another tenant exists. */
function allowedTenant(user: DemoUser, request: RouteRequest, context: PortalContext): Extract<JitScope, { kind: 'tenant' }> | Reply {
  const tenant = demoTenants.find((candidate) => candidate.id === request.params.tenantId && !context.removedTenants.has(candidate.name));
  if (user.role === 'admin' && tenant) return { kind: 'tenant', tenant };
  if (user.role === 'admin') return messageReply(404, `Tenant ${request.params.tenantId ?? ''} not found`);
  if (tenant && user.tenants.includes(tenant.name)) return { kind: 'tenant', tenant };
  return messageReply(403, 'You do not have access to this tenant');
}

function privilegedJit(kind: 'admin' | 'duplo-ops'): ApiHandler {
  return (user, request, context) => {
    if (user.role !== 'admin') return messageReply(403, `${kind} JIT access requires an administrator`);
    if (context.otpCode !== undefined && request.headers.otpcode !== context.otpCode) {
      return messageReply(403, 'A valid OTP code is required (header otpcode)');
    }
    return jsonReply(200, context.jit.issue({ kind }, user));
  };
}

const v3AdminJit = apiRoute('v3/admin/aws/jitAccess/admin', privilegedJit('admin'));

export const apiRoutes: readonly Route[] = [
  apiRoute('v3/features/system', systemFeatures),
  apiRoute('admin/GetTenantsForUser', userTenants),
  // An old portal has no such route at all, so it answers 404 whatever the token.
  { ...v3AdminJit, handle: (request, context) => (context.legacyAdminOnly ? notFound() : v3AdminJit.handle(request, context)) },
  apiRoute('v3/admin/aws/jitAccess/duplo-ops', privilegedJit('duplo-ops')),
  apiRoute('adminproxy/GetJITAwsConsoleAccessUrl', privilegedJit('admin')),
  apiRoute('subscriptions/{tenantId}/GetAwsConsoleTokenUrl', (user, request, context) => {
    const scope = allowedTenant(user, request, context);
    return 'kind' in scope ? jsonReply(200, context.jit.issue(scope, user)) : scope;
  }),
  apiRoute('v3/features/tenant/{tenantId}', (user, request, context) => {
    const scope = allowedTenant(user, request, context);
    if (!('kind' in scope)) return scope;
    return jsonReply(200, { Region: scope.tenant.plan.region, IsKubernetesEnabled: true, UseLbIndex: false, TenantId: scope.tenant.id });
  }),
  apiRoute('v3/subscriptions/{tenantId}/k8s/jitAccess', (user, request, context) => {
    const scope = allowedTenant(user, request, context);
    return 'kind' in scope ? jsonReply(200, context.k8s.issue(scope.tenant.plan)) : scope;
  }),
  apiRoute('v3/admin/plans/{planId}/k8sConfig', (user, request, context) => {
    if (user.role !== 'admin') return messageReply(403, 'A plan\'s Kubernetes access requires an administrator');
    const plan = planOf(request.params.planId ?? '');
    return plan ? jsonReply(200, context.k8s.issue(plan)) : messageReply(404, `Plan ${request.params.planId ?? ''} not found`);
  }),
];
