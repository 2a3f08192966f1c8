import type { ManifestV3Export } from '@crxjs/vite-plugin';
import { firefoxExtensionId } from '../src/bridge/extension-id';

/** A manifest as an object (crxjs also takes a promise or a function of one). */
export type ExtensionManifest = Exclude<ManifestV3Export, Promise<unknown> | ((...args: never[]) => unknown)>;

/**
 * The Firefox manifest, made from the Chromium one in this one place (docs/architecture.md):
 * Firefox runs MV3 backgrounds as event pages (`scripts`), not service workers; takes its
 * add-on ID from `browser_specific_settings` (the native host manifest's `allowed_extensions`
 * names it); has no offscreen documents (its background page has a DOM of its own); takes the
 * sign-in handoff with a blocking listener (webRequestBlocking) rather than a redirect to a
 * web-accessible path; groups no console tabs (tabGroups is Chromium's: console-tab-groups.ts);
 * and ignores or warns about Chromium's `key` and `minimum_chrome_version`.
 */
export function firefoxManifest(chromium: ExtensionManifest): ExtensionManifest {
  const { options_page, background, permissions = [], ...rest } = { ...chromium };
  delete rest.key;
  delete rest.minimum_chrome_version;
  // Only Chromium's handoff redirect lands on those paths; Firefox stops the handoff instead
  // (extension/background/firefox-handoff.ts), so no page of the add-on is web-accessible.
  delete rest.web_accessible_resources;
  const worker = background && 'service_worker' in background ? background.service_worker : undefined;
  if (!worker) throw new Error('manifest.json names no background service_worker');
  return {
    ...rest,
    background: { scripts: [worker], type: 'module' },
    ...(options_page ? { options_ui: { page: options_page, open_in_tab: true } } : {}),
    // webRequestBlocking: the sign-in handoff is stopped by a blocking listener (extension/background/firefox-handoff.ts).
    permissions: [...permissions.filter((permission) => permission !== 'offscreen' && permission !== 'tabGroups'), 'webRequestBlocking'],
    // Nothing is sent to the add-on's makers: the session goes only to the user's own portal.
    browser_specific_settings: { gecko: { id: firefoxExtensionId, strict_min_version: '128.0', data_collection_permissions: { required: ['none'] } } },
  };
}
