import browser from 'webextension-polyfill';
import { rememberedPromise } from '../../src/storage/remembered-promise';
import { hostPattern } from '../shared/host-pattern';

/**
 * Whether the extension may reach a portal origin, asked of the browser once and then
 * remembered until a permission is granted or removed (each ask is a round trip to the
 * browser process, on every bridge request).
 */
export function hostPermissionCheck(): (origin: string) => Promise<boolean> {
  const answers = new Map<string, Promise<boolean>>();
  const forget = () => answers.clear();
  browser.permissions.onAdded.addListener(forget);
  browser.permissions.onRemoved.addListener(forget);
  return (origin) => rememberedPromise(answers, origin, () => browser.permissions.contains({ origins: [hostPattern(origin)] }));
}
