import { describe, expect, it } from 'vitest';
import { memoryArea } from '../storage/key-value';
import { withManagedSettings } from './managed-area';
import { ManagedSettingError } from './managed-error';
import { managedLocks } from './managed-merge';
import { parseManaged, type ManagedSettings } from './managed-schema';
import { loadSettings, saveSettings, settingsKey } from './settings';

const acme = 'https://acme.duplocloud.net';
const mine = 'https://duplo.example.com';

/** storage.local holding the user's `own` settings, seen through the organisation's `managed`. */
async function areas(managed: ManagedSettings, own: Record<string, unknown> = {}) {
  const raw = memoryArea();
  await saveSettings(raw, own);
  return { raw, area: withManagedSettings(raw, async () => managed) };
}

const refusal = (code: string, setting: string, value = '') => expect.objectContaining({ name: 'ManagedSettingError', code, setting, value });

describe('managed settings over the user’s', () => {
  it('put the organisation’s portals first and its values over the user’s, and store none of them', async () => {
    const { raw, area } = await areas(
      { portals: [{ origin: `${acme}/`, apiHost: 'https://api.acme.example' }], approvalPolicy: 'ask-every-time', approvalTimeoutSeconds: 20 },
      { portals: [{ origin: mine, approval: 'never-ask' }], approvalPolicy: 'never-ask' },
    );
    const inForce = await loadSettings(area);
    expect(inForce.portals).toEqual([{ origin: acme, apiHost: 'https://api.acme.example' }, { origin: mine }]);
    expect(inForce).toMatchObject({ approvalPolicy: 'ask-every-time', approvalTimeoutSeconds: 20 });

    await saveSettings(area, { favorites: [`${mine} dev`] });
    expect(await raw.get(settingsKey)).toMatchObject({ portals: [{ origin: mine, approval: 'never-ask' }], approvalPolicy: 'never-ask', approvalTimeoutSeconds: 45 });
  });

  it('leave out a listed portal that is not https (or http on this machine) or that has a path, as for any portal', async () => {
    const portals = [{ origin: 'http://acme.duplocloud.net' }, { origin: `${acme}/app` }, { origin: mine, apiHost: 'ftp://api.example.com' }, { origin: 'http://127.0.0.1:4000/' }];
    const { area } = await areas({ portals });
    expect((await loadSettings(area)).portals).toEqual([{ origin: 'http://127.0.0.1:4000' }]);
    expect(managedLocks({ portals }).portals).toEqual(['http://127.0.0.1:4000']);
  });

  it('refuse a change to a locked setting, or removing or changing an organisation’s portal', async () => {
    const { area } = await areas({ portals: [{ origin: acme }], approvalPolicy: 'ask-every-time' });
    await expect(saveSettings(area, { approvalPolicy: 'never-ask' })).rejects.toEqual(refusal('SET_BY_ORGANISATION', 'approvalPolicy'));
    await expect(saveSettings(area, { portals: [] })).rejects.toEqual(refusal('SET_BY_ORGANISATION', 'portals', acme));
    await expect(saveSettings(area, { portals: [{ origin: acme, approval: 'never-ask' }] })).rejects.toBeInstanceOf(ManagedSettingError);
    await expect(saveSettings(area, { onlyListedPortals: true })).rejects.toEqual(refusal('SET_BY_ORGANISATION', 'onlyListedPortals'));
    // Saving the value in force is no change.
    await expect(saveSettings(area, { approvalPolicy: 'ask-every-time', approvalTimeoutSeconds: 30 })).resolves.toMatchObject({ approvalTimeoutSeconds: 30 });
  });

  it('with "only these portals", hide the user’s others, keep them stored, and refuse another', async () => {
    const { raw, area } = await areas({ portals: [{ origin: acme }], onlyListedPortals: true }, { portals: [{ origin: mine }], tokenSharing: [mine] });
    expect(await loadSettings(area)).toMatchObject({ portals: [{ origin: acme }], onlyListedPortals: true, tokenSharing: [] });
    await expect(saveSettings(area, { portals: [{ origin: acme }, { origin: 'https://other.example' }] })).rejects.toEqual(
      refusal('PORTAL_NOT_ALLOWED', 'portals', 'https://other.example'),
    );
    await saveSettings(area, { tokenSharing: [acme] });
    expect(await raw.get(settingsKey)).toMatchObject({ portals: [{ origin: mine }], tokenSharing: [acme, mine] });
  });

  it('with the session hand-out not allowed, turn every switch off and keep it off', async () => {
    const { area } = await areas({ tokenSharingAllowed: false }, { tokenSharing: [mine] });
    expect(await loadSettings(area)).toMatchObject({ tokenSharing: [] });
    await expect(saveSettings(area, { tokenSharing: [mine] })).rejects.toEqual(refusal('SET_BY_ORGANISATION', 'tokenSharing'));
    expect(managedLocks({ tokenSharingAllowed: false }).settings).toEqual(['tokenSharing']);
  });

  it('limit the copy formats: the user’s default when allowed, else the first allowed', async () => {
    const { raw, area } = await areas({ allowedFormats: ['json', 'fish'] }, { defaultFormat: 'bash' });
    expect(await loadSettings(area)).toMatchObject({ defaultFormat: 'json', allowedFormats: ['json', 'fish'] });
    await expect(saveSettings(area, { defaultFormat: 'cmd' })).rejects.toEqual(refusal('SET_BY_ORGANISATION', 'allowedFormats', 'cmd'));
    await saveSettings(area, { defaultFormat: 'fish' });
    expect(await raw.get(settingsKey)).toMatchObject({ defaultFormat: 'fish', allowedFormats: ['bash', 'fish', 'powershell', 'cmd', 'credentials-file', 'json'] });
  });

  it('lock AWS multi-session and tab groups either way, and keep the user’s own values stored', async () => {
    const { raw, area } = await areas({ multiSession: true, consoleTabGroups: false }, { multiSession: false, consoleTabGroups: true });
    expect(await loadSettings(area)).toMatchObject({ multiSession: true, consoleTabGroups: false });
    await expect(saveSettings(area, { multiSession: false })).rejects.toEqual(refusal('SET_BY_ORGANISATION', 'multiSession'));
    await expect(saveSettings(area, { consoleTabGroups: true })).rejects.toEqual(refusal('SET_BY_ORGANISATION', 'consoleTabGroups'));
    await saveSettings(area, { logoutFirst: false });
    expect(await raw.get(settingsKey)).toMatchObject({ multiSession: false, consoleTabGroups: true, logoutFirst: false });
    expect(managedLocks({ multiSession: false, consoleTabGroups: true }).settings).toEqual(['multiSession', 'consoleTabGroups']);
  });

  it('with the console banner not allowed, turn it off and keep it off; allowed leaves the user’s choice', async () => {
    const { raw, area } = await areas({ consoleBannerAllowed: false }, { consoleBanner: true });
    expect(await loadSettings(area)).toMatchObject({ consoleBanner: false });
    await expect(saveSettings(area, { consoleBanner: true })).rejects.toEqual(refusal('SET_BY_ORGANISATION', 'consoleBanner'));
    await saveSettings(area, { multiSession: true });
    expect(await raw.get(settingsKey)).toMatchObject({ consoleBanner: true, multiSession: true });
    expect(managedLocks({ consoleBannerAllowed: false }).settings).toEqual(['consoleBanner']);

    const allowed = await areas({ consoleBannerAllowed: true }, { consoleBanner: true });
    expect(await loadSettings(allowed.area)).toMatchObject({ consoleBanner: true });
    await expect(saveSettings(allowed.area, { consoleBanner: false })).resolves.toMatchObject({ consoleBanner: false });
    expect(managedLocks({ consoleBannerAllowed: true }).settings).toEqual([]);
  });

  it('change nothing when there is no policy', async () => {
    const { raw, area } = await areas({}, { portals: [{ origin: mine, approval: 'never-ask' }], defaultFormat: 'fish' });
    expect(await loadSettings(area)).toEqual(await loadSettings(raw));
    expect(managedLocks({})).toEqual({ settings: [], portals: [] });
  });
});

describe('parseManaged', () => {
  it('keeps the valid keys of a policy and leaves out the ones the schema refuses', () => {
    expect(parseManaged({ approvalPolicy: 'ask-every-time', allowedFormats: [], approvalTimeoutSeconds: 500, unknown: 1 })).toEqual({ approvalPolicy: 'ask-every-time' });
    expect(parseManaged({ multiSession: 'yes', consoleBannerAllowed: false, consoleTabGroups: true })).toEqual({ consoleBannerAllowed: false, consoleTabGroups: true });
    expect(parseManaged(undefined)).toEqual({});
    expect(parseManaged('x')).toEqual({});
  });
});
