/** Route names are the contract paths themselves, so a counter or a fault names what a client calls. */
export const apiRouteNames = [
  'v3/features/system',
  'admin/GetTenantsForUser',
  'v3/admin/aws/jitAccess/admin',
  'v3/admin/aws/jitAccess/duplo-ops',
  'adminproxy/GetJITAwsConsoleAccessUrl',
  'subscriptions/{tenantId}/GetAwsConsoleTokenUrl',
  'v3/features/tenant/{tenantId}',
  'v3/subscriptions/{tenantId}/k8s/jitAccess',
  'v3/admin/plans/{planId}/k8sConfig',
] as const;
export type ApiRouteName = (typeof apiRouteNames)[number];

export const pageRouteNames = ['login', 'home', 'verify-token', 'federation', 'oauth'] as const;
export type PageRouteName = (typeof pageRouteNames)[number];

export type RouteName = ApiRouteName | PageRouteName;
export const routeNames: readonly [RouteName, ...RouteName[]] = [...apiRouteNames, ...pageRouteNames];

export function isApiRoute(name: RouteName): name is ApiRouteName {
  return (apiRouteNames as readonly string[]).includes(name);
}

/** Matches `/a/{x}/b` against a path; returns the placeholders' values, or undefined. */
export function matchTemplate(template: string, pathname: string): Record<string, string> | undefined {
  const want = template.split('/');
  const got = pathname.split('/');
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, part] of want.entries()) {
    const actual = got[index] ?? '';
    const placeholder = /^\{(\w+)\}$/.exec(part)?.[1];
    if (placeholder === undefined) {
      if (part !== actual) return undefined;
    } else {
      if (!actual) return undefined;
      try {
        params[placeholder] = decodeURIComponent(actual);
      } catch {
        return undefined;
      }
    }
  }
  return params;
}
