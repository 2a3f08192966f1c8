import { isConsolePage } from '../aws/console-page-destination';
import { loadSettings } from '../settings/settings';
import { scopeName } from './console-open';
import type { ConsoleTab } from './console-tabs';
import { consoleUrlFor } from './credentials';
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
 * With multi-session on it lands on the page's own session host: the same slot, not a sixth
 * (without it, the logout in front ends that session and its host with it).
 */
export async function renewConsoleTab(context: PortalContext, tab: ConsoleTab, currentUrl: string | undefined): Promise<{ url: string; endsAt: number }> {
  // Fresh keys: the cache keeps none this close to their end (credential-cache.ts, reuseMarginMs).
  const { multiSession } = await loadSettings(context.deps.disk);
  const url = await consoleUrlFor(context, tab.origin, tab.scope, isConsolePage(currentUrl) ? { page: currentUrl, sameSession: multiSession } : {});
  const endsAt = (await context.cache.peek(tab.origin, tab.scope))?.expiresAt ?? context.deps.now();
  await context.consoleTabs.add({ ...tab, endsAt });
  return { url, endsAt };
}
