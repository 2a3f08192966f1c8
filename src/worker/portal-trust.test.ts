import { describe, expect, it } from 'vitest';
import { useDemoPortal } from '../../test/support/demo-portal';
import { loadSettings, saveSettings } from '../settings/settings';
import { memoryArea } from '../storage/key-value';
import { credentialsFor } from './credentials';
import { confirmPortal, forgetSession, removePortal } from './portal-actions';
import { createPortalContext } from './portal-context';
import { portalListing } from './portal-listing';
import { refreshPortal } from './refresh';
import { acceptToken, observeRequest } from './tokens';
import { toViewError } from './view-error';
import { popupView } from './view';

const demo = useDemoPortal();
const evil = 'https://evil.duplocloud.net';

/**
 * A worker whose network reaches the demo portal at evil.duplocloud.net, as Chromium's
 * --host-resolver-rules does in the browser tests: only the wire is redirected.
 */
function worker() {
  const disk = memoryArea();
  const fetchAt: typeof fetch = (url, init) => fetch(String(url).replace(evil, demo.portal.url), init);
  const context = createPortalContext({ fetch: fetchAt, now: Date.now, memory: memoryArea(), disk, hasHostPermission: async () => true });
  demo.portal.reset();
  return { context, disk };
}

const observe = (context: ReturnType<typeof worker>['context'], token = demo.portal.login('admin@duplo.demo')) => observeRequest(context, evil, evil, `Bearer ${token}`);
const qa = () => demo.portal.tenants.find((tenant) => tenant.name === 'qa')!.id;

describe('a *.duplocloud.net portal learnt only by observation', () => {
  it('is shown as waiting, with no rows, and its token is used for nothing until confirmed', async () => {
    const { context } = worker();
    expect(await observe(context)).toBe(true);
    expect((await popupView(context)).portals).toEqual([{ origin: evil, session: 'unconfirmed', rows: [] }]);
    expect(await portalListing(context)).toEqual([{ origin: evil, standing: 'seen', session: 'signed-in', sharesToken: false }]);

    await refreshPortal(context, evil);
    const refused = await credentialsFor(context, evil, 'admin', 'keys').catch((error: unknown) => error);
    expect(toViewError(refused, evil)).toEqual({
      code: 'PORTAL_NOT_CONFIRMED',
      message:
        'evil.duplocloud.net was only seen calling its API in a browser tab, and the extension uses a portal like that only after you confirm it is yours. Open the extension\'s popup (or its options page) and choose "Use it" for evil.duplocloud.net.',
    });
    expect(demo.portal.counters()).toEqual({});
  });

  it('is used at once after the user confirms it, with the token already held', async () => {
    const { context, disk } = worker();
    const token = demo.portal.login('admin@duplo.demo');
    await observe(context, token);
    await confirmPortal(context, evil);
    await refreshPortal(context, evil);
    const [view] = (await popupView(context)).portals;
    expect([view?.session, view?.rows.map((row) => row.name)]).toEqual(['signed-in', ['Admin', 'duplo-ops', ...demo.portal.tenants.map((tenant) => tenant.name).sort()]]);
    expect((await credentialsFor(context, evil, qa(), 'keys')).jit.AccessKeyId).toBe(demo.portal.issuedCredentials().at(-1)!.AccessKeyId);
    // What is stored on disk says which portal, never its token.
    expect(disk.entries.get('trusted-portals')).toEqual({ [evil]: 'confirmed' });
    expect(JSON.stringify([...disk.entries.values()])).not.toContain(token);
  });

  it('needs no confirmation once the user pasted a token for it or signed in to it through the extension', async () => {
    for (const source of ['pasted', 'handoff'] as const) {
      const { context } = worker();
      await acceptToken(context, evil, demo.portal.login('dev@duplo.demo'), source);
      expect(await portalListing(context)).toEqual([{ origin: evil, standing: source === 'pasted' ? 'pasted' : 'signed-in', session: 'signed-in', sharesToken: false }]);
      // A later token seen on its page is used as it is for any portal the user chose.
      await observe(context, demo.portal.login('dev@duplo.demo'));
      await credentialsFor(context, evil, qa(), 'keys');
    }
  });

  it('is forgotten (session and keys) or removed (all of it, so it must be confirmed again) when the user says so', async () => {
    const { context, disk } = worker();
    await observe(context);
    await confirmPortal(context, evil);
    await refreshPortal(context, evil);
    await credentialsFor(context, evil, qa(), 'keys');

    await forgetSession(context, evil);
    expect([await context.sessions.get(evil), await context.cache.peek(evil, qa())]).toEqual([undefined, undefined]);
    expect(await portalListing(context)).toEqual([{ origin: evil, standing: 'confirmed', session: 'signed-out', sharesToken: false }]);

    await observe(context);
    await removePortal(context, evil);
    expect(await portalListing(context)).toEqual([]);
    expect([await context.sessions.get(evil), await context.known.get(evil), disk.entries.get('trusted-portals')]).toEqual([undefined, undefined, {}]);
    await observe(context);
    expect((await popupView(context)).portals).toEqual([{ origin: evil, session: 'unconfirmed', rows: [] }]);
  });

  it('removes an added portal from the settings with the rest', async () => {
    const { context, disk } = worker();
    await saveSettings(disk, { portals: [{ origin: demo.portal.url }] });
    await acceptToken(context, demo.portal.url, demo.portal.login('dev@duplo.demo'), 'pasted');
    expect(await portalListing(context)).toEqual([{ origin: demo.portal.url, standing: 'added', session: 'signed-in', sharesToken: false }]);
    await removePortal(context, demo.portal.url);
    expect([(await loadSettings(disk)).portals, await portalListing(context)]).toEqual([[], []]);
  });
});
