import { describe, expect, it } from 'vitest';
import { useAccessFixture } from './access-fixture.test-support';
import { saveSettings } from '../settings/settings';
import { AccessError } from './access-error';
import { credentialsFor } from './credentials';
import { refreshPortal } from './refresh';
import { popupView, portalView } from './view';

const { demo, start, clock, tenantId, worker, storedOnDisk } = useAccessFixture();
const names = (view: { rows: readonly { name: string }[] }) => view.rows.map((row) => row.name);
const everyTenantByName = ['billing-prod', 'data-prod', 'demo', 'dev01', 'dev02', 'dev03', 'edge-prod', 'payments-prod', 'prod', 'qa', 'qa-perf', 'sandbox', 'staging', 'uat'];

describe('refreshPortal and the views', () => {
  it('lists Admin, duplo-ops, then every tenant by name for an admin, learning admin from one cached JIT call', async () => {
    const { context, origin } = await worker('admin@duplo.demo');
    await refreshPortal(context, origin);
    const view = await portalView(context, origin);
    expect(names(view)).toEqual(['Admin', 'duplo-ops', ...everyTenantByName]);
    expect(view.rows.slice(0, 3)).toEqual([
      { scope: 'admin', name: 'Admin', kind: 'admin', favorite: false, expiresAt: new Date(start + 3600_000).toISOString() },
      { scope: 'duplo-ops', name: 'duplo-ops', kind: 'duplo-ops', favorite: false },
      { scope: tenantId('billing-prod'), name: 'billing-prod', kind: 'tenant', plan: 'prod', favorite: false },
    ]);
    expect(view).toMatchObject({ origin, session: 'signed-in', fetchedAt: start });
    expect(view.error).toBeUndefined();
    expect(demo.portal.counters()).toEqual({ 'v3/features/system': 1, 'admin/GetTenantsForUser': 1, 'v3/admin/aws/jitAccess/admin': 1 });

    // The session now knows its user is an admin: no second probe.
    clock.now += 60_000;
    await refreshPortal(context, origin);
    expect(demo.portal.counters()['v3/admin/aws/jitAccess/admin']).toBe(1);
    expect((await portalView(context, origin)).fetchedAt).toBe(start + 60_000);
  });

  it('shows a tenant user their three tenants and no Admin, after the portal refused the probe', async () => {
    const { context, origin } = await worker('dev@duplo.demo');
    await refreshPortal(context, origin);
    const view = await portalView(context, origin);
    expect(view.rows.map((row) => [row.name, row.kind, row.plan])).toEqual([
      ['dev01', 'tenant', 'nonprod'],
      ['qa', 'tenant', 'nonprod'],
      ['staging', 'tenant', 'nonprod'],
    ]);
    expect(view.session).toBe('signed-in');
    expect(await context.sessions.get(origin)).toMatchObject({ state: 'active', admin: 'denied' });
    expect(await context.known.get(origin)).toMatchObject({ admin: 'denied', duploOps: true });
    expect(demo.portal.counters()['v3/admin/aws/jitAccess/admin']).toBe(1);
    expect(await context.cache.peek(origin, 'admin')).toBeUndefined();
  });

  it('puts favorites first, then recents, then the rest in their usual order', async () => {
    const { context, disk, origin } = await worker('admin@duplo.demo');
    const key = (scope: string) => `${origin} ${scope}`;
    await saveSettings(disk, {
      favorites: [key(tenantId('uat')), key(tenantId('demo'))],
      recents: [key(tenantId('qa')), key('admin'), key(tenantId('uat')), `https://other.duplocloud.net ${tenantId('prod')}`],
    });
    await refreshPortal(context, origin);
    const view = await portalView(context, origin);
    expect(names(view)).toEqual(['uat', 'demo', 'qa', 'Admin', 'duplo-ops', ...everyTenantByName.filter((name) => !['uat', 'demo', 'qa'].includes(name))]);
    expect(view.rows.map((row) => row.favorite).lastIndexOf(true)).toBe(1);
  });

  it('marks the session expired when the portal forgets the token, and keeps the rows', async () => {
    const { context, origin } = await worker('dev@duplo.demo');
    await refreshPortal(context, origin);
    await credentialsFor(context, origin, tenantId('qa'), 'keys');

    demo.portal.expireSessions();
    clock.now += 60_000;
    await refreshPortal(context, origin);
    const view = await portalView(context, origin);
    expect(view).toMatchObject({ session: 'expired', fetchedAt: start });
    expect(names(view)).toEqual(['dev01', 'qa', 'staging']);
    expect(view.rows.every((row) => row.expiresAt === undefined)).toBe(true);
    expect(view.error).toBeUndefined();
    await expect(credentialsFor(context, origin, tenantId('qa'), 'keys')).rejects.toMatchObject({ code: 'NOT_SIGNED_IN' });
  });

  it('keeps the last known rows through a 500 and through malformed JSON, and names each failure', async () => {
    const { context, origin } = await worker('dev@duplo.demo');
    const host = origin.replace('http://', '');
    await refreshPortal(context, origin);

    clock.now += 60_000;
    demo.portal.setFaults([{ endpoint: 'admin/GetTenantsForUser', status: 500 }]);
    await refreshPortal(context, origin);
    let view = await portalView(context, origin);
    expect(view.error).toEqual({
      code: 'PORTAL_UNAVAILABLE',
      message: `${host} answered with a server error (HTTP 500). The portal said: "Demo fault: 500 Internal Server Error". The trouble is on the portal's side: try again in a minute, and tell your DuploCloud administrator if it lasts.`,
    });
    expect([view.session, view.fetchedAt, names(view)]).toEqual(['signed-in', start, ['dev01', 'qa', 'staging']]);

    demo.portal.setFaults([{ endpoint: 'admin/GetTenantsForUser', malformedJson: true }]);
    await refreshPortal(context, origin);
    view = await portalView(context, origin);
    expect(view.error?.code).toBe('BAD_RESPONSE');
    expect(view.error?.message).toBe(`${host} sent an answer this tool cannot use: the answer is not valid JSON. Check that ${host} is a DuploCloud portal; if it is, please report this.`);
    expect([view.session, view.fetchedAt, names(view)]).toEqual(['signed-in', start, ['dev01', 'qa', 'staging']]);

    demo.portal.setFaults([]);
    await refreshPortal(context, origin);
    view = await portalView(context, origin);
    expect([view.error, view.fetchedAt]).toEqual([undefined, start + 60_000]);
  });

  it('asks for permission before it sends anything to a portal the browser has not allowed', async () => {
    const { context, origin, allowed } = await worker('dev@duplo.demo');
    allowed.delete(origin);
    await refreshPortal(context, origin);
    expect(demo.portal.counters()).toEqual({});
    expect(await portalView(context, origin)).toEqual({ origin, session: 'permission-needed', rows: [] });
    await expect(credentialsFor(context, origin, tenantId('qa'), 'keys')).rejects.toMatchObject({ code: 'PERMISSION_NEEDED' });
    expect(demo.portal.counters()).toEqual({});

    allowed.add(origin);
    await refreshPortal(context, origin);
    expect(await portalView(context, origin)).toMatchObject({ session: 'signed-in', fetchedAt: start });
  });

  it('never lists nor calls an origin the user did not add, even one with a session', async () => {
    const { context, disk, origin, allowed } = await worker('dev@duplo.demo');
    // The same server under another name is another origin, and was never chosen.
    const stranger = origin.replace('127.0.0.1', 'localhost');
    allowed.add(stranger).add('https://acme.duplocloud.net');
    await context.sessions.offer(stranger, demo.portal.login('dev@duplo.demo'), 'observed');
    await saveSettings(disk, { portals: [{ origin: 'https://acme.duplocloud.net' }, { origin }] });
    demo.portal.reset();

    const caught = await credentialsFor(context, stranger, tenantId('qa'), 'keys').catch((error: unknown) => error);
    expect(caught).toBeInstanceOf(AccessError);
    expect(caught).toMatchObject({ code: 'PORTAL_NOT_CONFIGURED', detail: stranger });
    await refreshPortal(context, stranger);
    expect(demo.portal.counters()).toEqual({});

    const popup = await popupView(context);
    expect(popup.portals.map((portal) => [portal.origin, portal.session])).toEqual([
      [origin, 'signed-in'],
      ['https://acme.duplocloud.net', 'signed-out'],
    ]);
    expect(popup.defaultFormat).toBe('bash');
  });
});

it('leaves no token, key or console URL in storage.local', () => {
  const stored = storedOnDisk();
  const secrets = demo.portal.issuedSecrets();
  expect(secrets.filter((secret) => stored.texts.some((text) => text.includes(secret)))).toEqual([]);
  expect([stored.workers, secrets.length > 10]).toEqual([7, true]);
});
