import { describe, expect, it } from 'vitest';
import { resolveTenant } from './resolve-tenant';
import { PortalError } from './errors';

const tenants = [
  { TenantId: '3f1c2a9e-0c4b-4d8e-9a51-7b6f0e2d1c11', AccountName: 'dev01', PlanID: 'nonprod' },
  { TenantId: '8a7d6c5b-4e3f-4a1b-8c9d-0e1f2a3b4c5d', AccountName: 'Payments', PlanID: 'prod' },
];

describe('resolveTenant', () => {
  it('resolves an exact name through the tenant list', async () => {
    await expect(resolveTenant('dev01', async () => tenants)).resolves.toEqual({ id: tenants[0]!.TenantId, name: 'dev01' });
  });

  it('uses a 32+ character value as an ID without listing tenants', async () => {
    const id = '3f1c2a9e0c4b4d8e9a517b6f0e2d1c11';
    await expect(resolveTenant(id, () => Promise.reject(new Error('must not list')))).resolves.toEqual({ id });
  });

  it('refuses a name that is not in the list, suggesting a case-insensitive match', async () => {
    const error = await resolveTenant('payments', async () => tenants).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PortalError);
    expect((error as PortalError).code).toBe('TENANT_NOT_FOUND');
    expect((error as PortalError).details.detail).toBe('"payments" (did you mean "Payments"?)');
    const missing = await resolveTenant('nope', async () => tenants).catch((e: unknown) => e);
    expect((missing as PortalError).details.detail).toBe('"nope"');
  });

  it('asks each listing in turn and stops at the first that has the name', async () => {
    const asked: string[] = [];
    const listing = (name: string, list: typeof tenants) => async () => {
      asked.push(name);
      return list;
    };
    await expect(resolveTenant('Payments', listing('kept', tenants.slice(0, 1)), listing('fresh', tenants), listing('never', []))).resolves.toEqual({ id: tenants[1]!.TenantId, name: 'Payments' });
    expect(asked).toEqual(['kept', 'fresh']);
  });
});
