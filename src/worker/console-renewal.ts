import { checkConsoleLink } from '../aws/console-link';
import { consolePageDestination, withDestinationPage } from '../aws/console-page';
import { withDestination, withLogout } from '../aws/console-url';
import { PortalError } from '../duplo/errors';
import { loadSettings } from '../settings/settings';
import { scopeName } from './console-open';
import type { ConsoleTab } from './console-tabs';
import { credentialsFor } from './credentials';
import type { PortalContext } from './portal-context';

/** How long before a console session ends the user is offered to renew it. */
export const defaultRenewLeadMs = 5 * 60_000;

/** When to offer the renewal: `leadMs` before the end, or now if that has passed. */
export const renewalTime = (endsAt: number, leadMs: number, now: number) => Math.max(now, endsAt - leadMs);

/** The notification's words: which console, where, and when it ends. Nothing secret. */
export async function renewalNotice(context: PortalContext, tab: ConsoleTab): Promise<{ title: string; message: string }> {
  const name = await scopeName(context, tab.origin, tab.scope);
  const time = new Date(tab.endsAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return { title: 'AWS console session ends soon', message: `The console for ${name} on ${new URL(tab.origin).host} ends at ${time}. Renew signs in again on the same page.` };
}

/**
 * A fresh sign-in for a console tab, landing on the page it shows (`currentUrl`), or where a
 * new console would land when that is not a console page; the registry then holds the new end.
 */
export async function renewConsoleTab(context: PortalContext, tab: ConsoleTab, currentUrl: string | undefined): Promise<{ url: string; endsAt: number }> {
  // Fresh keys: the cache keeps none this close to their end (credential-cache.ts, reuseMarginMs).
  const { jit, expiresAt } = await credentialsFor(context, tab.origin, tab.scope, 'console');
  if (!jit.ConsoleUrl) {
    throw new PortalError('BAD_RESPONSE', { endpoint: 'JIT credentials', detail: 'the portal sent no ConsoleUrl' });
  }
  checkConsoleLink(jit.ConsoleUrl, tab.origin);
  const settings = await loadSettings(context.deps.disk);
  const page = currentUrl === undefined ? undefined : consolePageDestination(currentUrl);
  const login = page
    ? withDestinationPage(jit.ConsoleUrl, page)
    : withDestination(jit.ConsoleUrl, { region: settings.consoleRegion || jit.Region, service: settings.consoleService });
  await context.consoleTabs.add({ ...tab, endsAt: expiresAt });
  return { url: settings.logoutFirst && !settings.multiSession ? withLogout(login) : login, endsAt: expiresAt };
}
