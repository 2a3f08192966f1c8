import { isConsolePage } from '../aws/console-page-destination';
import type { ConsoleTab } from './console-tabs';
import { consoleSignIn } from './credentials';
import type { PortalContext } from './portal-context';
import { scopeName } from './scope-name';

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
 * new console would land when that is not a console page; with multi-session on, on the
 * page's own session host (the same slot, not a sixth). The registry then holds the new end.
 */
export async function renewConsoleTab(context: PortalContext, tab: ConsoleTab, currentUrl: string | undefined): Promise<{ url: string; endsAt: number }> {
  // Fresh keys: the cache keeps none this close to their end (credential-cache.ts, reuseMarginMs).
  const renewed = await consoleSignIn(context, tab.origin, tab.scope, isConsolePage(currentUrl) ? { page: currentUrl, sameSession: true } : {});
  await context.consoleTabs.add({ ...tab, endsAt: renewed.endsAt });
  return renewed;
}
