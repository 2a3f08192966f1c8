/**
 * The extension's ID, fixed by the public `key` in manifest.json. The native host manifest
 * allows exactly this origin, so a copy of the extension with another ID cannot talk to it.
 */
export const extensionId = 'afldkjilgapibonkcpebooaminnkidfk';

export const extensionOrigin = `chrome-extension://${extensionId}/`;
