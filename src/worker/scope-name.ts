import type { KnownTenants } from './known-tenants';
import type { PortalContext } from './portal-context';

/** The tenant a scope names, when the portal listed it. */
export async function knownTenant(context: PortalContext, origin: string, scope: string): Promise<KnownTenants['tenants'][number] | undefined> {
  return (await context.known.get(origin))?.tenants.find((tenant) => tenant.id === scope);
}

/** The name the popup shows for a scope: the tenant's, when the portal listed it. */
export async function scopeName(context: PortalContext, origin: string, scope: string): Promise<string> {
  if (scope === 'admin') return 'Admin';
  return (await knownTenant(context, origin, scope))?.name ?? scope;
}
