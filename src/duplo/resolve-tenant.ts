import { PortalError } from './errors';
import type { UserTenant } from './schemas';

/** The peers' rule: a tenant ID is a UUID (32+ characters); anything shorter is a name. */
export const tenantIdMinLength = 32;

export function looksLikeTenantId(value: string): boolean {
  return value.length >= tenantIdMinLength;
}

export interface ResolvedTenant {
  readonly id: string;
  /** Known when the user gave a name, or the ID was found in the list. */
  readonly name?: string;
}

/**
 * Turns `--tenant NAME|ID` into a tenant ID. Names need the user's tenant list (an exact
 * `AccountName` match, as the peers do); an ID is used as given, so that a user with a
 * known ID pays no extra request.
 */
export async function resolveTenant(nameOrId: string, listTenants: () => Promise<UserTenant[]>): Promise<ResolvedTenant> {
  const wanted = nameOrId.trim();
  if (looksLikeTenantId(wanted)) return { id: wanted };
  const tenants = await listTenants();
  const match = tenants.find((tenant) => tenant.AccountName === wanted);
  if (!match) {
    const near = tenants.find((tenant) => tenant.AccountName.toLowerCase() === wanted.toLowerCase());
    throw new PortalError('TENANT_NOT_FOUND', {
      endpoint: 'admin/GetTenantsForUser',
      detail: near ? `"${wanted}" (did you mean "${near.AccountName}"?)` : `"${wanted}"`,
    });
  }
  return { id: match.TenantId, name: match.AccountName };
}
