/**
 * Every ID the extension is known by, in one place: the native host manifest allows exactly
 * these (plus any `install --extension-id` adds), so a copy with another ID cannot reach the host.
 */

/** The development build's ID, fixed by the public `key` in manifest.json. */
export const extensionId = 'afldkjilgapibonkcpebooaminnkidfk';

export const extensionOrigin = `chrome-extension://${extensionId}/`;

/**
 * The IDs the Chrome Web Store and Edge Add-ons give the published extension: its packaged
 * manifest has no `key`, so each store assigns one at the first upload. Add each here once its
 * listing exists, and every later install allows it.
 */
export const storeExtensionIds: readonly string[] = [];

/** The Firefox add-on ID, set by `browser_specific_settings.gecko.id` in every Firefox build. */
export const firefoxExtensionId = 'duplo-jit-bridge@duplocloud.net';

/** Chromium IDs are 32 letters a–p (hex digits shifted), as chrome://extensions shows them. */
export const isChromiumExtensionId = (id: string): boolean => /^[a-p]{32}$/.test(id);

/** Firefox add-on IDs are email-like (`name@domain`) or a braced UUID, the two forms AMO accepts. */
export const isFirefoxExtensionId = (id: string): boolean =>
  /^[\w.-]*@[\w.-]+$/.test(id) || /^\{[\da-fA-F]{8}-[\da-fA-F]{4}-[\da-fA-F]{4}-[\da-fA-F]{4}-[\da-fA-F]{12}\}$/.test(id);
