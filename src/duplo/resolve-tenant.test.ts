import { describe, expect, it } from 'vitest';
import { describePortalError } from './describe-error';
import { PortalError } from './errors';
import { resolveTenant } from './resolve-tenant';

const tenants = [
  { TenantId: '3f1c2a9e-0c4b-4d8e-9a51-7b6f0e2d1c11', AccountName: 'dev01', PlanID: 'nonprod' },
  { TenantId: '8a7d6c5b-4e3f-4a1b-8c9d-0e1f2a3b4c5d', AccountName: 'Payments', PlanID: 'prod' },
  { TenantId: '1b2c3d4e-5f60-4718-9a2b-3c4d5e6f7a8b', AccountName: 'QA', PlanID: 'nonprod' },
  { TenantId: '9e8d7c6b-5a49-4382-9170-6f5e4d3c2b1a', AccountName: 'qa', PlanID: 'nonprod' },
];
const listing = async () => tenants;

async function refusal(nameOrId: string): Promise<{ code: string; words: string }> {
  const error = await resolveTenant(nameOrId, listing).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(PortalError);
  return { code: (error as PortalError).code, words: describePortalError(error as PortalError, 'acme.duplocloud.net') };
}

describe('resolveTenant', () => {
  it('takes an exact name first, even when another differs only in case', async () => {
    await expect(resolveTenant('dev01', listing)).resolves.toEqual({ id: tenants[0]!.TenantId, name: 'dev01' });
    await expect(resolveTenant('QA', listing)).resolves.toEqual({ id: tenants[2]!.TenantId, name: 'QA' });
    await expect(resolveTenant('qa', listing)).resolves.toEqual({ id: tenants[3]!.TenantId, name: 'qa' });
  });

  it('takes a unique case-insensitive match, as duploctl does', async () => {
    await expect(resolveTenant('payments', listing)).resolves.toEqual({ id: tenants[1]!.TenantId, name: 'Payments' });
    await expect(resolveTenant(' DEV01 ', listing)).resolves.toEqual({ id: tenants[0]!.TenantId, name: 'dev01' });
  });

  it('refuses a name that matches several tenants when case is ignored, naming them', async () => {
    expect(await refusal('Qa')).toEqual({
      code: 'TENANT_AMBIGUOUS',
      words: 'Tenant "Qa" ("QA", "qa") matches more than one of your tenants on acme.duplocloud.net when case is ignored. Give the name with its exact case, or the tenant ID.',
    });
  });

  it('checks a 32+ character ID against the list, in any case, as duplo-jit does', async () => {
    await expect(resolveTenant(tenants[1]!.TenantId.toUpperCase(), listing)).resolves.toEqual({ id: tenants[1]!.TenantId, name: 'Payments' });
    expect(await refusal('00000000-0000-4000-8000-000000000000')).toEqual({
      code: 'TENANT_NOT_FOUND',
      words: 'Tenant "00000000-0000-4000-8000-000000000000" is missing or not allowed for you on acme.duplocloud.net. The popup lists the tenants you can use.',
    });
  });

  it('refuses a name that is not in the list', async () => {
    expect(await refusal('nope')).toEqual({
      code: 'TENANT_NOT_FOUND',
      words: 'Tenant "nope" is missing or not allowed for you on acme.duplocloud.net. The popup lists the tenants you can use.',
    });
  });

  it('asks each listing in turn and stops at the first that has the tenant', async () => {
    const asked: string[] = [];
    const from = (name: string, list: typeof tenants) => async () => {
      asked.push(name);
      return list;
    };
    const id = tenants[1]!.TenantId;
    await expect(resolveTenant(id, from('kept', tenants.slice(0, 1)), from('fresh', tenants), from('never', []))).resolves.toEqual({ id, name: 'Payments' });
    expect(asked).toEqual(['kept', 'fresh']);
  });
});
