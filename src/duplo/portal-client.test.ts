import { beforeEach, describe, expect, it } from 'vitest';
import { startDemoPortal } from '../../test/portal';
import { useDemoPortal } from '../../test/support/demo-portal';
import { createPortalClient, type PortalClientOptions } from './portal-client';
import { resolveTenant } from './resolve-tenant';

const demo = useDemoPortal({ otpCode: '246810' });
beforeEach(() => demo.portal.reset());

const client = (token: string, extra: Partial<PortalClientOptions> = {}) =>
  createPortalClient({ host: `${demo.portal.url}/`, token, fetch, retryBaseMs: 5, ...extra });

describe('portal client against the demo portal', () => {
  it('reads the system features, tolerating fields it does not know', async () => {
    const features = await client(demo.admin).systemFeatures();
    expect(features.IsOtpNeeded).toBe(true);
    expect(features.IsAwsAdminJITEnabled).toBe(true);
    expect(features.DefaultAwsAccount).toMatch(/^\d{12}$/);
    // The demo answers with fields the contract does not name; the client keeps only its own.
    expect(Object.keys(features).sort()).toEqual([
      'AwsRegions', 'DefaultAwsAccount', 'DefaultAwsRegion', 'IsAwsAdminJITEnabled', 'IsAwsCloudEnabled', 'IsDuploOpsEnabled', 'IsOtpNeeded',
    ]);
  });

  it('lists all tenants for the admin and three for the tenant user', async () => {
    const all = await client(demo.admin).tenants();
    expect(all.length).toBeGreaterThanOrEqual(12);
    expect(new Set(all.map((tenant) => tenant.PlanID)).size).toBe(2);
    const mine = await client(demo.dev).tenants();
    expect(mine).toHaveLength(3);
  });

  it('resolves a tenant name and gets its JIT credentials and features', async () => {
    const api = client(demo.dev);
    const [first] = await api.tenants();
    const tenant = await resolveTenant(first!.AccountName, api.tenants);
    expect(tenant.id).toBe(first!.TenantId);
    const credentials = await api.tenantJit(tenant.id);
    expect(credentials.AccessKeyId).toMatch(/^ASIA[A-Z0-9]{16}$/);
    expect(credentials.SecretAccessKey).toHaveLength(40);
    expect(credentials.Validity).toBe(3600);
    expect(credentials.ConsoleUrl).toContain(`${demo.portal.url}/federation?Action=login`);
    const features = await api.tenantFeatures(tenant.id);
    expect(features.Region).toBe(credentials.Region);
    expect(demo.portal.counters()['subscriptions/{tenantId}/GetAwsConsoleTokenUrl']).toBe(1);
  });

  it('sends the MFA code with admin calls', async () => {
    const credentials = await client(demo.admin, { otp: '246810' }).adminJit();
    expect(credentials.AccessKeyId).toMatch(/^ASIA/);
    const ops = await client(demo.admin, { otp: '246810' }).duploOpsJit();
    expect(ops.AccessKeyId).not.toBe(credentials.AccessKeyId);
  });

  it('falls back to the legacy admin path when the v3 one answers 404', async () => {
    const legacy = await startDemoPortal({ legacyAdminOnly: true });
    try {
      const token = legacy.login(legacy.users.find((user) => user.role === 'admin')!.username);
      const credentials = await createPortalClient({ host: legacy.url, token, fetch }).adminJit();
      expect(credentials.SecretAccessKey).toHaveLength(40);
      expect(legacy.counters()['v3/admin/aws/jitAccess/admin']).toBe(1);
      expect(legacy.counters()['adminproxy/GetJITAwsConsoleAccessUrl']).toBe(1);
    } finally {
      await legacy.stop();
    }
  });

  it('skips tenant rows without a name or an ID and says how many; takes an empty Region', async () => {
    demo.portal.setFaults([
      { endpoint: 'admin/GetTenantsForUser', incompleteTenantRows: true },
      { endpoint: 'subscriptions/{tenantId}/GetAwsConsoleTokenUrl', blankRegion: true },
    ]);
    const skipped: number[] = [];
    const api = client(demo.dev, { onSkippedTenants: (count) => skipped.push(count) });
    expect((await api.tenants()).map((tenant) => tenant.AccountName)).toEqual(['dev01', 'qa', 'staging']);
    expect(skipped).toEqual([2]);
    const tenant = await resolveTenant('qa', api.tenants);
    expect((await api.tenantJit(tenant.id)).Region).toBe('');
  });

  it('sends the headers the peers send, Content-Type included, on every GET', async () => {
    const sent: Headers[] = [];
    const recording = (url: string, init: RequestInit) => {
      sent.push(new Headers(init.headers));
      return fetch(url, init);
    };
    await client(demo.dev, { fetch: recording }).tenants();
    expect(Object.fromEntries(sent[0]!)).toEqual({
      accept: 'application/json',
      authorization: `Bearer ${demo.dev}`,
      'content-type': 'application/json; charset=utf-8',
    });
  });

  it('calls a separate API host when one is given', async () => {
    const credentials = await client(demo.admin, { host: 'https://portal.example.test', apiHost: demo.portal.url, otp: '246810' }).adminJit();
    expect(credentials.Region).toMatch(/^[a-z]{2}-[a-z]+-\d$/);
  });
});
