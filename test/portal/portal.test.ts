import { describe, expect, it } from 'vitest';
import { useDemoPortal } from '../support/demo-portal';
import { startDemoPortal } from './index';
import { get, json, tenantJitPath } from './test-client';

const demo = useDemoPortal();
const idOf = (name: string) => demo.portal.tenants.find((tenant) => tenant.name === name)!.id;
const unknownTenant = '00000000-0000-4000-8000-000000000000';

describe('authentication', () => {
  it('answers 401 on every API route without a token, with an unknown one and with an expired one', async () => {
    const shortLived = demo.portal.login('admin@duplo.demo', { ttlMs: 1 });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const paths = ['v3/features/system', 'admin/GetTenantsForUser', 'v3/admin/aws/jitAccess/admin', 'v3/admin/aws/jitAccess/duplo-ops',
      'adminproxy/GetJITAwsConsoleAccessUrl', tenantJitPath(idOf('qa')), `v3/features/tenant/${idOf('qa')}`];
    for (const path of paths) {
      for (const token of [undefined, 'not-a-token', shortLived]) {
        const response = await get(demo.portal, path, token);
        expect(response.status, `${path} ${token ?? ''}`).toBe(401);
        expect(await response.json()).toEqual({ Message: 'Unauthorized: sign in to the portal again' });
      }
    }
  });

  it('expireSessions ends the tokens issued so far, not later ones', async () => {
    const local = await startDemoPortal({ sessionTtlMs: 60_000 });
    const before = local.login('dev@duplo.demo');
    local.expireSessions();
    const after = local.login('dev@duplo.demo');
    expect((await get(local, 'v3/features/system', before)).status).toBe(401);
    expect((await get(local, 'v3/features/system', after)).status).toBe(200);
    await local.stop();
  });
});

describe('system and tenants', () => {
  it('describes the system, with fields the contract does not name', async () => {
    const body = await json(await get(demo.portal, 'v3/features/system', demo.dev));
    expect(body).toMatchObject({ IsOtpNeeded: false, IsAwsAdminJITEnabled: true, IsDuploOpsEnabled: true, DefaultAwsRegion: 'us-east-2',
      DefaultAwsAccount: '482913570264', AwsRegions: ['us-east-1', 'us-east-2', 'us-west-2', 'eu-west-1'], IsAwsCloudEnabled: true });
    expect(body.DevopsManagerHostname).toBeNull();
  });

  it('lists all 14 tenants on two plans to the admin and exactly three to the user', async () => {
    const all = (await (await get(demo.portal, 'admin/GetTenantsForUser', demo.admin)).json()) as Record<string, unknown>[];
    expect(all).toHaveLength(14);
    expect(new Set(all.map((tenant) => tenant.PlanID))).toEqual(new Set(['nonprod', 'prod']));
    expect(all.every((tenant) => /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(String(tenant.TenantId)))).toBe(true);
    const mine = (await (await get(demo.portal, 'admin/GetTenantsForUser', demo.dev)).json()) as Record<string, unknown>[];
    expect(mine.map(({ TenantId, AccountName, PlanID }) => ({ TenantId, AccountName, PlanID }))).toEqual([
      { TenantId: '0e15330f-3ccd-4c7b-8f4d-c6226c82e71b', AccountName: 'dev01', PlanID: 'nonprod' },
      { TenantId: '11d43ecb-7898-4bdf-8503-1bd841e336e8', AccountName: 'qa', PlanID: 'nonprod' },
      { TenantId: 'ab6e1a6b-0095-47fc-8bab-c53f4c3a6e1a', AccountName: 'staging', PlanID: 'nonprod' },
    ]);
  });

  it('gives tenant features in the plan region', async () => {
    expect(await json(await get(demo.portal, `v3/features/tenant/${idOf('qa')}`, demo.dev))).toMatchObject({ Region: 'us-west-2', IsKubernetesEnabled: true, UseLbIndex: false });
    expect(await json(await get(demo.portal, `v3/features/tenant/${idOf('payments-prod')}`, demo.admin))).toMatchObject({ Region: 'us-east-1' });
  });
});

describe('refusals', () => {
  it('answers 403 with a Message to a user asking for admin, duplo-ops or another tenant', async () => {
    const paths = ['v3/admin/aws/jitAccess/admin', 'v3/admin/aws/jitAccess/duplo-ops', 'adminproxy/GetJITAwsConsoleAccessUrl',
      tenantJitPath(idOf('prod')), `v3/features/tenant/${idOf('prod')}`, tenantJitPath(unknownTenant)];
    for (const path of paths) {
      const response = await get(demo.portal, path, demo.dev);
      expect(response.status, path).toBe(403);
      expect(typeof (await json(response)).Message).toBe('string');
    }
  });

  it('answers 404 to an admin asking for an unknown tenant', async () => {
    for (const path of [tenantJitPath(unknownTenant), `v3/features/tenant/${unknownTenant}`]) {
      const response = await get(demo.portal, path, demo.admin);
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ Message: `Tenant ${unknownTenant} not found` });
    }
  });

  it('answers 405 to other methods on API paths and 404 to unknown paths', async () => {
    const response = await fetch(`${demo.portal.url}/v3/features/system`, { method: 'POST', headers: { Authorization: `Bearer ${demo.admin}` } });
    expect([response.status, response.headers.get('allow')]).toEqual([405, 'GET']);
    expect((await get(demo.portal, 'v3/features/nothing', demo.admin)).status).toBe(404);
  });
});

describe('JIT credentials', () => {
  it('are fresh on every call and per tenant, in the plan region, with Validity and a console URL', async () => {
    const calls = [tenantJitPath(idOf('dev01')), tenantJitPath(idOf('dev01')), tenantJitPath(idOf('qa'))];
    const issued = await Promise.all(calls.map(async (path) => json(await get(demo.portal, path, demo.dev))));
    for (const field of ['AccessKeyId', 'SecretAccessKey', 'SessionToken', 'ConsoleUrl']) {
      expect(new Set(issued.map((credentials) => credentials[field])).size, field).toBe(3);
    }
    for (const credentials of issued) {
      expect(credentials).toMatchObject({ Region: 'us-west-2', Validity: 3600 });
      expect(credentials.AccessKeyId).toMatch(/^ASIA[A-Z0-9]{16}$/);
      expect(credentials.SecretAccessKey).toMatch(/^[A-Za-z0-9/+]{40}$/);
      expect(String(credentials.SessionToken).length).toBeGreaterThan(500);
      const url = new URL(String(credentials.ConsoleUrl));
      expect(url.origin + url.pathname).toBe(`${demo.portal.url}/federation`);
      expect([...url.searchParams.keys()]).toEqual(['Action', 'Issuer', 'Destination', 'SigninToken']);
      expect(url.searchParams.get('Action')).toBe('login');
      expect(url.searchParams.get('Issuer')).toBe(demo.portal.url);
      expect(url.searchParams.get('Destination')).toBe('https://us-west-2.console.aws.amazon.com/console/home?region=us-west-2');
      for (const secret of [credentials.AccessKeyId, credentials.SecretAccessKey, credentials.SessionToken, credentials.ConsoleUrl, url.searchParams.get('SigninToken')]) {
        expect(demo.portal.issuedSecrets()).toContain(secret);
      }
    }
    expect(demo.portal.issuedSecrets()).toEqual(expect.arrayContaining([demo.admin, demo.dev]));
  });

  it('puts admin and duplo-ops sessions in the default region, on the v3 and the legacy admin path', async () => {
    for (const path of ['v3/admin/aws/jitAccess/admin', 'adminproxy/GetJITAwsConsoleAccessUrl', 'v3/admin/aws/jitAccess/duplo-ops']) {
      const response = await get(demo.portal, path, demo.admin);
      expect(response.status, path).toBe(200);
      expect(await json(response)).toMatchObject({ Region: 'us-east-2', Validity: 3600 });
    }
  });

  it('gives a scope its own Validity when asked, the others the default', async () => {
    const short = await startDemoPortal({ jitValidityByScope: { admin: 90 } });
    const token = short.login('admin@duplo.demo');
    expect(await json(await get(short, 'v3/admin/aws/jitAccess/admin', token))).toMatchObject({ Validity: 90 });
    expect(await json(await get(short, 'v3/admin/aws/jitAccess/duplo-ops', token))).toMatchObject({ Validity: 3600 });
    await short.stop();
  });

  it('serves only the legacy admin path on an old portal', async () => {
    const old = await startDemoPortal({ legacyAdminOnly: true });
    const token = old.login('admin@duplo.demo');
    expect((await get(old, 'v3/admin/aws/jitAccess/admin', token)).status).toBe(404);
    expect((await get(old, 'v3/admin/aws/jitAccess/admin')).status).toBe(404);
    expect((await get(old, 'adminproxy/GetJITAwsConsoleAccessUrl', token)).status).toBe(200);
    await old.stop();
  });

  it('requires the OTP code for admin and duplo-ops access when the portal asks for one', async () => {
    const mfa = await startDemoPortal({ otpCode: '246810', jitValiditySeconds: 900 });
    const token = mfa.login('admin@duplo.demo');
    expect(await json(await get(mfa, 'v3/features/system', token))).toMatchObject({ IsOtpNeeded: true });
    for (const path of ['v3/admin/aws/jitAccess/admin', 'v3/admin/aws/jitAccess/duplo-ops', 'adminproxy/GetJITAwsConsoleAccessUrl']) {
      expect((await get(mfa, path, token)).status).toBe(403);
      expect((await get(mfa, path, token, { otpcode: '000000' })).status).toBe(403);
      expect(await json(await get(mfa, path, token, { otpcode: '246810' }))).toMatchObject({ Validity: 900 });
    }
    expect((await get(mfa, tenantJitPath(idOf('qa')), token)).status).toBe(200);
    await mfa.stop();
  });
});

describe('counters', () => {
  it('count requests per route name, whatever the answer, until reset', async () => {
    demo.portal.reset();
    await get(demo.portal, 'v3/features/system', demo.admin);
    await get(demo.portal, 'v3/features/system');
    await get(demo.portal, tenantJitPath(idOf('qa')), demo.dev);
    await get(demo.portal, tenantJitPath(idOf('prod')), demo.dev);
    await get(demo.portal, `v3/features/tenant/${idOf('qa')}`, demo.dev);
    await get(demo.portal, 'app/login');
    await get(demo.portal, 'no/such/path');
    expect(demo.portal.counters()).toEqual({ 'v3/features/system': 2, 'subscriptions/{tenantId}/GetAwsConsoleTokenUrl': 2, 'v3/features/tenant/{tenantId}': 1, login: 1 });
    expect(await json(await get(demo.portal, '__demo/counters'))).toEqual(demo.portal.counters());
    demo.portal.reset();
    expect(demo.portal.counters()).toEqual({});
  });
});
