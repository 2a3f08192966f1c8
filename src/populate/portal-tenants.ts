import type { PortalClient } from '../duplo/portal-client';
import type { TenantTarget } from './populate-io';

// Enough to overlap the round trips without a burst a portal would throttle.
const parallel = 4;

/**
 * The user's tenants with each one's region, from the portal itself (token mode). The list has
 * no region (duplo-api.md), so each tenant's features are asked; a tenant whose features fail
 * gets a profile without `region` rather than none.
 */
export async function portalTenants(client: PortalClient): Promise<TenantTarget[]> {
  const tenants = await client.tenants();
  const targets: TenantTarget[] = new Array<TenantTarget>(tenants.length);
  let next = 0;
  const worker = async () => {
    for (let at = next++; at < tenants.length; at = next++) {
      const tenant = tenants[at]!;
      const region = await client.tenantFeatures(tenant.TenantId).then((features) => features.Region, () => undefined);
      targets[at] = { name: tenant.AccountName, ...(region ? { region } : {}) };
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, tenants.length) }, worker));
  return targets;
}

/** The region an admin or duplo-ops profile gets: the portal's default AWS region, when it says. */
export async function defaultRegion(client: PortalClient): Promise<string | undefined> {
  const features = await client.systemFeatures();
  return features.DefaultAwsRegion || undefined;
}
