// The worker under an organisation's managed settings: the core parts, with storage.local seen
// through withManagedSettings as the service worker sees it. "Only these portals" is tested
// here, not in a browser: a machine-wide policy would reach every browser test running beside.
import { describe, expect, it } from 'vitest';
import { useDemoPortal } from '../../test/support/demo-portal';
import { withManagedSettings } from '../settings/managed-area';
import type { ManagedSettings } from '../settings/managed-schema';
import { saveSettings } from '../settings/settings';
import { memoryArea } from '../storage/key-value';
import { AccessError } from './access-error';
import { keysTextFor } from './credentials';
import { createPortalContext } from './portal-context';
import { menuEntries } from './menu-entries';
import { refreshPortal } from './refresh';
import { knownPortals, popupView } from './view';
import { acceptToken, observeRequest } from './tokens';
import { setTokenSharing } from './token-sharing';
import { toViewError } from './view-error';

const demo = useDemoPortal();
const acme = 'https://acme.duplocloud.net';

function worker(managed: ManagedSettings) {
  const disk = withManagedSettings(memoryArea(), async () => managed);
  return createPortalContext({ fetch, now: Date.now, memory: memoryArea(), disk, hasHostPermission: async () => true });
}

describe('a worker under managed settings', () => {
  it('with "only these portals", observes tokens on the listed portal only, not the built-in domain', async () => {
    const context = worker({ portals: [{ origin: demo.portal.url }], onlyListedPortals: true });
    expect(await observeRequest(context, acme, acme, 'Bearer tok-1')).toBe(false);
    await expect(context.candidatePortal(acme)).rejects.toEqual(new AccessError('PORTAL_NOT_CONFIGURED', acme));
    expect(await observeRequest(context, demo.portal.url, demo.portal.url, 'Bearer tok-2')).toBe(true);
    expect((await knownPortals(context)).map((portal) => portal.origin)).toEqual([demo.portal.url]);
  });

  it('lists an organisation’s portal as added, with no step by the user', async () => {
    const context = worker({ portals: [{ origin: demo.portal.url }] });
    expect(await knownPortals(context)).toEqual([{ origin: demo.portal.url, standing: 'added' }]);
  });

  it('refuses the session hand-out switch when the organisation does not allow it, in words', async () => {
    const context = worker({ portals: [{ origin: demo.portal.url }], tokenSharingAllowed: false });
    const refused = await setTokenSharing(context, demo.portal.url, true).catch((error: unknown) => error);
    expect(toViewError(refused, demo.portal.url)).toEqual({
      code: 'SET_BY_ORGANISATION',
      message: 'Your organisation does not let programs ask for your portal session; this switch is set by your organisation.',
    });
  });

  it('refuses copying keys in a format the organisation does not allow, and copies in its first by default', async () => {
    const context = worker({ portals: [{ origin: demo.portal.url }], allowedFormats: ['json'] });
    await acceptToken(context, demo.portal.url, demo.portal.login('dev@duplo.demo'), 'pasted');
    demo.portal.reset();
    const dev01 = demo.portal.tenants.find((tenant) => tenant.name === 'dev01')!.id;
    const refused = await keysTextFor(context, demo.portal.url, dev01, 'bash').catch((error: unknown) => error);
    expect(toViewError(refused, demo.portal.url).message).toBe('Your organisation does not allow copying keys as bash / zsh. Pick one of the formats offered.');
    expect((await keysTextFor(context, demo.portal.url, dev01)).format).toBe('json');
  });

  it('offers only the allowed copy formats, in the popup’s view and in the context menu', async () => {
    const context = worker({ portals: [{ origin: demo.portal.url }], allowedFormats: ['json', 'fish'] });
    await acceptToken(context, demo.portal.url, demo.portal.login('dev@duplo.demo'), 'pasted');
    await refreshPortal(context, demo.portal.url);
    const view = await popupView(context);
    expect(view).toMatchObject({ defaultFormat: 'json', copyFormats: ['json', 'fish'] });
    const formats = new Set(menuEntries(view).flatMap((entry) => (entry.id.startsWith('copy|') ? [JSON.parse(entry.id.slice(5))[2]] : [])));
    expect(formats).toEqual(new Set(['json', 'fish', 'kubeconfig']));
  });

  it('refuses adding a portal beside the organisation’s only ones, in words', async () => {
    const context = worker({ portals: [{ origin: demo.portal.url }], onlyListedPortals: true });
    const refused = await saveSettings(context.deps.disk, { portals: [{ origin: demo.portal.url }, { origin: acme }] }).catch((error: unknown) => error);
    expect(toViewError(refused, acme)).toEqual({
      code: 'PORTAL_NOT_ALLOWED',
      message: `Your organisation allows only the portals it set, so ${acme} cannot be added. Ask your administrator to add it to the managed settings.`,
    });
  });
});
