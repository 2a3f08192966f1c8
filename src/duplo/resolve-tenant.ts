import { PortalError } from './errors';
import type { UserTenant } from './schemas';

/** The peers' rule: a tenant ID is a UUID (32+ characters); anything shorter is a name. */
const tenantIdMinLength = 32;

function looksLikeTenantId(value: string): boolean {
  return value.length >= tenantIdMinLength;
}

export interface ResolvedTenant {
  readonly id: string;
  readonly name: string;
}

type ListedTenant = Pick<UserTenant, 'TenantId' | 'AccountName'>;

/** One way to get the user's tenant list (admin/GetTenantsForUser, or a kept copy of it). */
export type TenantListing = () => Promise<readonly ListedTenant[]>;

const endpoint = 'admin/GetTenantsForUser';

/**
 * The tenant `wanted` means in one list, as duplo-jit and duploctl read it: an ID must be in
 * the list (duplo-jit refuses one that is not); a name matches exactly, else case-insensitively
 * (duploctl lowercases), and a case-insensitive match must be unique.
 */
function findIn(tenants: readonly ListedTenant[], wanted: string): ListedTenant | undefined {
  const lower = wanted.toLowerCase();
  // UUIDs are case-insensitive, so an ID in capitals is the same tenant.
  if (looksLikeTenantId(wanted)) return tenants.find((tenant) => tenant.TenantId.toLowerCase() === lower);
  const exact = tenants.find((tenant) => tenant.AccountName === wanted);
  if (exact) return exact;
  const near = tenants.filter((tenant) => tenant.AccountName.toLowerCase() === lower);
  if (near.length > 1) throw new PortalError('TENANT_AMBIGUOUS', { endpoint, detail: `"${wanted}" (${near.map((tenant) => `"${tenant.AccountName}"`).join(', ')})` });
  return near[0];
}

/**
 * Turns `--tenant NAME|ID` into a listed tenant, asking each listing in turn until one has it:
 * the extension passes its kept list, then a refresh; the CLI's direct path one list call.
 */
export async function resolveTenant(nameOrId: string, ...listings: readonly TenantListing[]): Promise<ResolvedTenant> {
  const wanted = nameOrId.trim();
  for (const listing of listings) {
    const match = findIn(await listing(), wanted);
    if (match) return { id: match.TenantId, name: match.AccountName };
  }
  throw new PortalError('TENANT_NOT_FOUND', { endpoint, detail: `"${wanted}"` });
}
