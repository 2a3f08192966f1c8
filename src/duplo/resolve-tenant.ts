import { PortalError } from './errors';
import type { UserTenant } from './schemas';

/** The peers' rule: a tenant ID is a UUID (32+ characters); anything shorter is a name. */
export const tenantIdMinLength = 32;

export function looksLikeTenantId(value: string): boolean {
  return value.length >= tenantIdMinLength;
}

export interface ResolvedTenant {
  readonly id: string;
  /** Known when the user gave a name. */
  readonly name?: string;
}

type ListedTenant = Pick<UserTenant, 'TenantId' | 'AccountName'>;

/** One way to get the user's tenant list (admin/GetTenantsForUser, or a kept copy of it). */
export type TenantListing = () => Promise<readonly ListedTenant[]>;

/**
 * Turns `--tenant NAME|ID` into a tenant ID. Names need the user's tenant list (an exact
 * `AccountName` match, as the peers do), asked of each listing in turn until one has it: the
 * extension passes its kept list, then a refresh. An ID is used as given, so that a user with
 * a known ID pays no extra request.
 */
export async function resolveTenant(nameOrId: string, ...listings: readonly TenantListing[]): Promise<ResolvedTenant> {
  const wanted = nameOrId.trim();
  if (looksLikeTenantId(wanted)) return { id: wanted };
  let tenants: readonly ListedTenant[] = [];
  for (const listing of listings) {
    tenants = await listing();
    const match = tenants.find((tenant) => tenant.AccountName === wanted);
    if (match) return { id: match.TenantId, name: match.AccountName };
  }
  const near = tenants.find((tenant) => tenant.AccountName.toLowerCase() === wanted.toLowerCase());
  throw new PortalError('TENANT_NOT_FOUND', {
    endpoint: 'admin/GetTenantsForUser',
    detail: near ? `"${wanted}" (did you mean "${near.AccountName}"?)` : `"${wanted}"`,
  });
}
