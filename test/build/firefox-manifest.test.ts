import { describe, expect, it } from 'vitest';
import manifest from '../../manifest.json' with { type: 'json' };
import { firefoxManifest } from '../../scripts/firefox-manifest';
import { firefoxExtensionId } from '../../src/bridge/extension-id';

describe('the Firefox manifest made from manifest.json', () => {
  const firefox = firefoxManifest({ ...manifest, version: '1.2.3' });

  it('runs the same background as background scripts (an event page), not a service worker', () => {
    expect(firefox.background).toEqual({ scripts: [manifest.background.service_worker], type: 'module' });
  });

  it('carries the add-on ID the native host manifest allows, and Firefox 128 ESR as its minimum', () => {
    expect(firefox.browser_specific_settings?.gecko).toMatchObject({ id: firefoxExtensionId, strict_min_version: '128.0' });
  });

  it("drops what only Chromium reads or needs: the key, the minimum Chrome version, offscreen, tabGroups, the handoff's web-accessible path", () => {
    for (const field of ['key', 'minimum_chrome_version', 'options_page', 'web_accessible_resources']) expect(firefox).not.toHaveProperty(field);
    expect(firefox.permissions).not.toContain('offscreen');
    expect(firefox.permissions).not.toContain('tabGroups');
  });

  it('adds webRequestBlocking for the handoff, and keeps every other permission and host', () => {
    expect(firefox.permissions).toEqual([...manifest.permissions.filter((permission) => !['offscreen', 'tabGroups'].includes(permission)), 'webRequestBlocking']);
    expect(firefox.host_permissions).toEqual(manifest.host_permissions);
    expect(firefox.options_ui).toEqual({ page: manifest.options_page, open_in_tab: true });
  });
});
