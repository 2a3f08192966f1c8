import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DemoPortal } from '../../test/portal';
import { useDemoPortal } from '../../test/support/demo-portal';
import { useRecordingServer } from '../../test/support/recording-server';
import { createPortalClient, type PortalClientOptions } from './portal-client';
import { describePortalError } from './describe-error';
import { PortalError, type PortalErrorCode } from './errors';
import { resolveTenant } from './resolve-tenant';

const demo = useDemoPortal({ otpCode: '246810' });
let portal: DemoPortal;
let adminToken: string;
let userToken: string;
let adminTenantId: string;

beforeAll(() => {
  ({ portal, admin: adminToken, dev: userToken } = demo);
  const devTenants = portal.users.find((user) => user.role === 'user')!.tenants;
  adminTenantId = portal.tenants.find((tenant) => !devTenants.includes(tenant.name))!.id;
});
beforeEach(() => portal.reset());

const client = (token: string, extra: Partial<PortalClientOptions> = {}) =>
  createPortalClient({ host: portal.url, token, fetch, retryBaseMs: 5, ...extra });

/** Runs a call that must fail; checks the code and that no secret reached the words. */
async function failure(call: () => Promise<unknown>, code: PortalErrorCode): Promise<{ error: PortalError; words: string }> {
  const caught = await call().then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(caught).toBeInstanceOf(PortalError);
  const error = caught as PortalError;
  expect(error.code).toBe(code);
  const words = describePortalError(error, portal.url);
  for (const secret of portal.issuedSecrets()) {
    expect(`${error.message} ${words}`).not.toContain(secret);
  }
  return { error, words };
}

describe('portal errors, over real HTTP', () => {
  it('UNAUTHORIZED: a token the portal does not know', async () => {
    const { words } = await failure(() => client('not-a-token').tenants(), 'UNAUTHORIZED');
    expect(words).toBe(`Your session on ${portal.url} has expired or is not valid. Sign in to ${portal.url} in your browser, then try again.`);
  });

  it('UNAUTHORIZED: a token that expires between two calls', async () => {
    const token = portal.login(portal.users.find((user) => user.role === 'user')!.username, { ttlMs: 400 });
    const api = client(token);
    const [tenant] = await api.tenants();
    await new Promise((resolve) => setTimeout(resolve, 500));
    await failure(() => api.tenantJit(tenant!.TenantId), 'UNAUTHORIZED');
  });

  it('FORBIDDEN: the tenant user asks for another tenant', async () => {
    const { error } = await failure(() => client(userToken).tenantJit(adminTenantId), 'FORBIDDEN');
    expect(error.details.status).toBe(403);
    expect(error.details.portalMessage).toEqual(expect.any(String));
  });

  it('OTP_REQUIRED: an admin call without the MFA code the portal needs', async () => {
    const { words } = await failure(() => client(adminToken).adminJit(), 'OTP_REQUIRED');
    expect(words).toBe(
      `${portal.url} requires an MFA code (OTP) for admin access. Provide the current code from your authenticator app, then try again.`,
    );
  });

  it('NOT_FOUND: a tenant ID the portal does not have', async () => {
    const { error } = await failure(() => client(adminToken).tenantJit('00000000-0000-4000-8000-000000000000'), 'NOT_FOUND');
    expect(error.details.endpoint).toBe('subscriptions/00000000-0000-4000-8000-000000000000/GetAwsConsoleTokenUrl');
  });

  it('TENANT_NOT_FOUND: a tenant name not in the list', async () => {
    const api = client(userToken);
    const { words } = await failure(() => resolveTenant('no-such-tenant', api.tenants), 'TENANT_NOT_FOUND');
    expect(words).toBe(
      `Tenant "no-such-tenant" is missing or not allowed for you on ${portal.url}. The popup lists the tenants you can use.`,
    );
  });

  it('BAD_RESPONSE: a 200 whose body is malformed JSON', async () => {
    portal.setFaults([{ endpoint: 'admin/GetTenantsForUser', malformedJson: true }]);
    const { error } = await failure(() => client(userToken).tenants(), 'BAD_RESPONSE');
    expect(error.details.detail).toBe('the answer is not valid JSON');
  });

  it('BAD_RESPONSE: JIT credentials without SecretAccessKey, naming the field', async () => {
    portal.setFaults([{ endpoint: 'subscriptions/{tenantId}/GetAwsConsoleTokenUrl', dropFields: ['SecretAccessKey'] }]);
    const [tenant] = await client(userToken).tenants();
    const { error, words } = await failure(() => client(userToken).tenantJit(tenant!.TenantId), 'BAD_RESPONSE');
    expect(error.details.detail).toBe('SecretAccessKey is missing');
    expect(words).toBe(
      `${portal.url} sent an answer this tool cannot use: SecretAccessKey is missing. Check that ${portal.url} is a DuploCloud portal; if it is, please report this.`,
    );
  });

  it('BAD_RESPONSE: an HTML page with status 200', async () => {
    portal.setFaults([{ endpoint: 'v3/features/system', status: 200, body: 'html' }]);
    const { error } = await failure(() => client(userToken).systemFeatures(), 'BAD_RESPONSE');
    expect(error.details.detail).toBe('the portal sent a web page instead of data');
  });

  it('BAD_RESPONSE: a body larger than the cap', async () => {
    const { error } = await failure(() => client(adminToken, { maxBodyBytes: 200 }).tenants(), 'BAD_RESPONSE');
    expect(error.details.detail).toBe('the answer is larger than 200 bytes');
  });

  it('PORTAL_UNAVAILABLE: a 503 that lasts, after bounded retries', async () => {
    portal.setFaults([{ endpoint: 'admin/GetTenantsForUser', status: 503, body: 'text' }]);
    const { error } = await failure(() => client(userToken, { retries: 2 }).tenants(), 'PORTAL_UNAVAILABLE');
    expect(error.details.status).toBe(503);
    expect(portal.counters()['admin/GetTenantsForUser']).toBe(3);
    // The portal was reached, so the advice is about the portal, not the network.
    expect(describePortalError(error, 'acme.duplocloud.net')).toBe(
      'acme.duplocloud.net answered with a server error (HTTP 503). The portal said: "503 Service Unavailable". The trouble is on the portal\'s side: try again in a minute, and tell your DuploCloud administrator if it lasts.',
    );
  });

  it('a 503 that succeeds on retry, and no retry on a 4xx', async () => {
    portal.setFaults([{ endpoint: 'admin/GetTenantsForUser', status: 503, times: 1 }]);
    expect(await client(userToken).tenants()).toHaveLength(3);
    expect(portal.counters()['admin/GetTenantsForUser']).toBe(2);
    await failure(() => client('bad-token').tenants(), 'UNAUTHORIZED');
    expect(portal.counters()['admin/GetTenantsForUser']).toBe(3);
  });

  it('PORTAL_UNAVAILABLE: nothing listens on the port', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const { error } = await failure(
      () => createPortalClient({ host: `http://127.0.0.1:${port}`, token: userToken, fetch, retryBaseMs: 1 }).tenants(),
      'PORTAL_UNAVAILABLE',
    );
    expect(error.details.detail).toContain('ECONNREFUSED');
    expect(describePortalError(error, 'acme.duplocloud.net')).toBe(`acme.duplocloud.net is not reachable (${error.details.detail}). Check your network or VPN, then try again.`);
  });

  it('TIMEOUT: the portal answers later than the per-request limit', async () => {
    portal.setFaults([{ endpoint: 'admin/GetTenantsForUser', latencyMs: 1_000 }]);
    const started = Date.now();
    const { error } = await failure(() => client(userToken, { timeoutMs: 150 }).tenants(), 'TIMEOUT');
    expect(Date.now() - started).toBeLessThan(900);
    expect(error.details.detail).toBe('no answer within 0.15 s');
  });

  it('INSECURE_HOST: an http:// host that is not loopback, before any request', async () => {
    const { error } = await failure(
      async () => createPortalClient({ host: 'http://acme.duplocloud.net', token: userToken, fetch }).tenants(),
      'INSECURE_HOST',
    );
    expect(error.details.detail).toBe('http://acme.duplocloud.net is not https; use https://acme.duplocloud.net');
  });

  describe('redirects', () => {
    // 127.0.0.2 is loopback too, but another origin: the token must not follow.
    const thief = useRecordingServer('127.0.0.2');

    it('BAD_RESPONSE: a redirect to another host is not followed', async () => {
      portal.setFaults([{ endpoint: 'admin/GetTenantsForUser', redirectTo: `${thief.url}/admin/GetTenantsForUser` }]);
      const { error } = await failure(() => client(userToken).tenants(), 'BAD_RESPONSE');
      expect(error.details.detail).toBe(`the portal redirected to another host (${new URL(thief.url).host}); the token was not sent there`);
      expect(thief.seen).toHaveLength(0);
    });

    it('a redirect within the portal is followed', async () => {
      portal.setFaults([{ endpoint: 'v3/features/system', redirectTo: `${portal.url}/v3/features/system`, times: 1 }]);
      expect((await client(userToken).systemFeatures()).IsAwsCloudEnabled).toBe(true);
      expect(portal.counters()['v3/features/system']).toBe(2);
    });
  });
});
