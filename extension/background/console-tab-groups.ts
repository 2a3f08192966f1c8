import { consoleLabelFor, type ConsoleLabel, type ConsoleTab, type PortalContext } from '../../src/worker';
import { loadSettings } from '../../src/settings/settings';
import { isFirefox } from '../shared/target';
import { groupTab } from './chrome-only';

const colours: Readonly<Record<ConsoleLabel['tone'], 'red' | 'green' | 'orange'>> = { prod: 'red', nonprod: 'green', admin: 'orange' };

/**
 * One tab group per tenant for the console tabs the extension opens, when the user asked for
 * it: titled with the tenant and portal, red for prod as the banner is. Chromium only. A group
 * that cannot be made leaves the console open and ungrouped: grouping is a convenience.
 */
export async function groupConsoleTab(context: PortalContext, tab: ConsoleTab, windowId: number | undefined): Promise<void> {
  if (isFirefox || windowId === undefined || !(await loadSettings(context.deps.disk)).consoleTabGroups) return;
  const label = await consoleLabelFor(context, tab);
  await groupTab(tab.tabId, windowId, `${label.name} · ${label.portal}`, colours[label.tone]).catch(() => undefined);
}
