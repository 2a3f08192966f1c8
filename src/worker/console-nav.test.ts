import { describe, expect, it } from 'vitest';
import { copyFormats } from '../aws/copy-formats';
import type { PopupView, PortalView, TenantRow } from '../worker-messages/protocol';
import { lastUsedScope } from './last-used';
import { omniboxAction, omniboxSuggestions, omniboxTarget } from './omnibox';
import { pageMenuEntries, pageMenuItemId, parsePageMenuItemId } from './page-menu-entries';

const row = (scope: string, name: string, favorite = false): TenantRow => ({ scope, name, kind: 'tenant', favorite });
const portal = (origin: string, rows: TenantRow[], session: PortalView['session'] = 'signed-in'): PortalView => ({ origin, session, rows });
const acme = 'https://acme.duplocloud.net';
const other = 'https://other.duplocloud.net';
const view = (...portals: PortalView[]): PopupView => ({ portals, defaultFormat: 'bash', copyFormats });
const oneportal = view(portal(acme, [row('t-pay', 'payments-prod', true), row('t-qa', 'qa'), row('t-dev', 'dev01'), row('t-aqa', 'aqa<&>')]));

describe('omnibox suggestions', () => {
  it('suggests tenants starting with the typed letters first, then those holding them, in the popup’s order', () => {
    expect(omniboxSuggestions(oneportal, 'qa', false).map((suggestion) => suggestion.content)).toEqual(['qa', 'aqa<&>']);
    expect(omniboxSuggestions(oneportal, 'PAY', false)).toEqual([
      { content: 'payments-prod', description: 'payments-prod · acme.duplocloud.net · Enter: console, Alt+Enter: copy keys' },
    ]);
  });

  it('escapes names in Chromium’s XML description', () => {
    expect(omniboxSuggestions(oneportal, 'aqa', true)[0]!.description).toBe(
      '<match>aqa&lt;&amp;&gt;</match> <dim>· acme.duplocloud.net · Enter: console, Alt+Enter: copy keys</dim>',
    );
  });

  it('names the portal when there are several, and leaves out portals not signed in', () => {
    const two = view(portal(acme, [row('a1', 'qa')]), portal(other, [row('o1', 'qa')]), portal('https://gone.duplocloud.net', [row('g1', 'qa')], 'expired'));
    expect(omniboxSuggestions(two, 'qa', false).map((suggestion) => suggestion.content)).toEqual(['qa @acme.duplocloud.net', 'qa @other.duplocloud.net']);
    expect(omniboxTarget(two, 'qa @other.duplocloud.net')).toEqual({ origin: other, scope: 'o1', name: 'qa' });
  });

  it('resolves Enter on typed letters to the best match, and nothing to nothing', () => {
    expect(omniboxTarget(oneportal, 'dev')).toEqual({ origin: acme, scope: 't-dev', name: 'dev01' });
    expect(omniboxTarget(oneportal, 'zzz')).toBeUndefined();
    expect(omniboxTarget(oneportal, '  ')).toBeUndefined();
  });

  it('copies keys on Alt+Enter (a new foreground tab) and opens the console otherwise, in the tab unless asked for another', () => {
    expect([omniboxAction('newForegroundTab'), omniboxAction('currentTab'), omniboxAction('newBackgroundTab')]).toEqual(['keys', 'console-here', 'console-new-tab']);
  });
});

describe('the "Open this page in …" menu', () => {
  it('lists favorites and recents of each signed-in portal, and round-trips its item IDs', () => {
    const entries = pageMenuEntries(oneportal, [`${acme} t-dev`, `${other} t-qa`]);
    expect(entries).toEqual([
      { id: 'open-page', title: 'Open this page in …' },
      { id: pageMenuItemId({ origin: acme, scope: 't-pay' }), title: '★ payments-prod', parentId: 'open-page' },
      { id: pageMenuItemId({ origin: acme, scope: 't-dev' }), title: 'dev01', parentId: 'open-page' },
    ]);
    expect(parsePageMenuItemId(entries[2]!.id)).toEqual({ origin: acme, scope: 't-dev' });
    expect([parsePageMenuItemId('copy|["a","b","bash"]'), parsePageMenuItemId('page|{'), parsePageMenuItemId(7)]).toEqual([undefined, undefined, undefined]);
  });

  it('is empty with no favorite or recent to offer', () => {
    expect(pageMenuEntries(view(portal(acme, [row('t-qa', 'qa')])), [])).toEqual([]);
  });
});

describe('lastUsedScope', () => {
  it('is the first recent, split into portal and scope', () => {
    expect(lastUsedScope({ recents: [`${acme} t-qa`, `${acme} admin`] })).toEqual({ origin: acme, scope: 't-qa' });
    expect(lastUsedScope({ recents: [] })).toBeUndefined();
  });
});
