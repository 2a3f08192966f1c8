import { sessionSignOutUrl } from '../aws/console-hosts';
import { pageOnSessionHost } from '../aws/console-page-destination';
import { loadSettings } from '../settings/settings';
import { ConsoleSessionError, maxConsoleSessions } from './console-session-error';
import type { ConsoleSession, ConsoleTab } from './console-tabs';
import { consoleSignIn, type ConsoleChoice } from './credentials';
import type { PortalContext } from './portal-context';
import { scopeName } from './scope-name';

/** A session to end before the sign-in: its console's own sign-out loaded in one of its tabs, then every tab closed. */
export interface SessionEnd {
  readonly signOut?: { readonly tabId: number; readonly url: string };
  readonly tabIds: readonly number[];
}

/**
 * What opening a console comes to: the tab of a live session, or a tab to open on `url` (a
 * sign-in, or a page of a live session), after ending the oldest session if the user agreed.
 */
export type ConsoleOpening =
  | { readonly kind: 'focus'; readonly tabId: number }
  | { readonly kind: 'open'; readonly url: string; readonly end?: SessionEnd; readonly record: (tabId: number) => Promise<ConsoleTab> };

async function oldestNamed(context: PortalContext, oldest: ConsoleSession): Promise<string> {
  return `${await scopeName(context, oldest.origin, oldest.scope)} on ${new URL(oldest.origin).host}`;
}

function sessionEnd(oldest: ConsoleSession): SessionEnd {
  const [first] = oldest.tabIds;
  // Closing its tabs alone would leave AWS counting the session; a tab never on a multi-session host has no host to sign out on.
  const signOut = oldest.sessionHost && first !== undefined ? { signOut: { tabId: first, url: sessionSignOutUrl(oldest.sessionHost) } } : {};
  return { ...signOut, tabIds: oldest.tabIds };
}

/**
 * How to open a scope's console. With multi-session on, a live session the extension opened
 * is reused rather than signed in again (that would end its tabs): its tab is focused, or a
 * page opens on its host. A sixth identity waits for the user to let the oldest go
 * (`endOldest`): it is signed out. Without multi-session, the new sign-in ends every other
 * session in this browser, so the registry forgets them.
 */
export async function planConsoleOpen(context: PortalContext, origin: string, scope: string, endOldest = false, choice: ConsoleChoice = {}): Promise<ConsoleOpening> {
  const { multiSession } = await loadSettings(context.deps.disk);
  const tabs = context.consoleTabs;
  const openedAt = context.deps.now();
  const recorder = (tab: Omit<ConsoleTab, 'tabId'>, end?: SessionEnd) => async (tabId: number) => {
    if (end) await tabs.forget(end.tabIds);
    if (!multiSession) await tabs.keepOnly(origin, scope);
    await tabs.add({ ...tab, tabId });
    return { ...tab, tabId };
  };
  let end: SessionEnd | undefined;
  if (multiSession) {
    const sessions = await tabs.sessions();
    const mine = sessions.find((session) => session.origin === origin && session.scope === scope);
    if (mine && choice.page && mine.sessionHost) {
      const { signinOrigin, endsAt, sessionHost } = mine;
      return { kind: 'open', url: pageOnSessionHost(choice.page, sessionHost), record: recorder({ origin, scope, signinOrigin, openedAt, endsAt, sessionHost }) };
    }
    const newest = mine?.tabIds.at(-1);
    if (newest !== undefined) return { kind: 'focus', tabId: newest };
    const oldest = sessions[0];
    if (oldest && sessions.length >= maxConsoleSessions) {
      if (!endOldest) throw new ConsoleSessionError('SESSION_LIMIT', await oldestNamed(context, oldest));
      end = sessionEnd(oldest);
    }
  }
  const { url, endsAt } = await consoleSignIn(context, origin, scope, choice);
  return { kind: 'open', url, ...(end ? { end } : {}), record: recorder({ origin, scope, signinOrigin: new URL(url).origin, openedAt, endsAt }, end) };
}
