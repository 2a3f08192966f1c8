import { loadSettings } from '../settings/settings';
import { ConsoleSessionError, maxConsoleSessions } from './console-session-error';
import type { ConsoleSession, ConsoleTab } from './console-tabs';
import { consoleUrlFor, type ConsoleChoice } from './credentials';
import type { PortalContext } from './portal-context';

/** What opening a console comes to: the tab of a live session, or a new sign-in (closing some tabs first). */
export type ConsoleOpening =
  | { readonly kind: 'focus'; readonly tabId: number }
  | { readonly kind: 'open'; readonly url: string; readonly close: readonly number[]; readonly record: (tabId: number) => Promise<ConsoleTab> };

/** The name the popup shows for a scope: the tenant's, when the portal listed it. */
export async function scopeName(context: PortalContext, origin: string, scope: string): Promise<string> {
  if (scope === 'admin') return 'Admin';
  const known = await context.known.get(origin);
  return known?.tenants.find((tenant) => tenant.id === scope)?.name ?? scope;
}

async function oldestNamed(context: PortalContext, oldest: ConsoleSession): Promise<string> {
  return `${await scopeName(context, oldest.origin, oldest.scope)} on ${new URL(oldest.origin).host}`;
}

/**
 * How to open a scope's console. With multi-session on, a live session the extension opened
 * is focused rather than signed in again (that would end its tabs), and a sixth identity waits
 * for the user to let the oldest go (`closeOldest`). Without it, the new sign-in ends every
 * other session in this browser, so the registry forgets them.
 */
export async function planConsoleOpen(context: PortalContext, origin: string, scope: string, closeOldest = false, choice: ConsoleChoice = {}): Promise<ConsoleOpening> {
  const { multiSession } = await loadSettings(context.deps.disk);
  const tabs = context.consoleTabs;
  let close: readonly number[] = [];
  if (multiSession) {
    const sessions = await tabs.sessions();
    const mine = sessions.find((session) => session.origin === origin && session.scope === scope);
    const newest = mine?.tabIds.at(-1);
    if (newest !== undefined) return { kind: 'focus', tabId: newest };
    const oldest = sessions[0];
    if (oldest && sessions.length >= maxConsoleSessions) {
      if (!closeOldest) throw new ConsoleSessionError('SESSION_LIMIT', await oldestNamed(context, oldest));
      close = oldest.tabIds;
    }
  }
  const url = await consoleUrlFor(context, origin, scope, choice);
  const held = await context.cache.peek(origin, scope);
  const openedAt = context.deps.now();
  const endsAt = held?.expiresAt ?? openedAt;
  const signinOrigin = new URL(url).origin;
  return {
    kind: 'open',
    url,
    close,
    async record(tabId) {
      if (close.length) await tabs.forget(close);
      if (!multiSession) await tabs.keepOnly(origin, scope);
      const tab = { tabId, origin, scope, signinOrigin, openedAt, endsAt };
      await tabs.add(tab);
      return tab;
    },
  };
}
