import browser from 'webextension-polyfill';
import type { ManagedSource } from '../../src/settings/managed-area';
import { parseManaged, type ManagedSettings } from '../../src/settings/managed-schema';

/** No policy for the extension makes get() reject in Chromium; Firefox without one may throw. */
async function readManaged(): Promise<ManagedSettings> {
  try {
    return parseManaged(await browser.storage.managed.get());
  } catch {
    return {};
  }
}

/**
 * The organisation's settings (docs/managed-settings.md), read once and read again when the
 * policy changes while the browser runs; `onChange` then lets the worker redraw what shows them.
 */
export function managedSettings(onChange: () => void): ManagedSource {
  let current: Promise<ManagedSettings> | undefined;
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area !== 'managed') return;
    current = undefined;
    onChange();
  });
  return () => (current ??= readManaged());
}
