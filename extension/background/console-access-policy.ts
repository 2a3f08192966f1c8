import browser from 'webextension-polyfill';
import { consoleHostPatterns } from '../../src/aws/console-hosts';
import type { ManagedSource } from '../../src/settings/managed-area';

/**
 * An organisation that does not allow the console banner also takes back the console host
 * access a user granted for it: the banner is the only use of that access, so holding it
 * would be access the policy meant to refuse. The banner itself already stops, since it reads
 * the settings in force (console-banner.ts). Run at each browser start or install, and on each policy change.
 */
export async function dropBarredConsoleAccess(managed: ManagedSource): Promise<void> {
  if ((await managed()).consoleBannerAllowed !== false) return;
  const origins = [...consoleHostPatterns];
  if (!(await browser.permissions.contains({ origins }))) return;
  // Refused when the manifest requires these hosts (a test copy): the banner stays off all the same.
  await browser.permissions.remove({ origins }).catch(() => false);
}
