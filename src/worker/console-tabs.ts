import * as z from 'zod/mini';
import { isAwsConsolePage, multiSessionHost } from '../aws/console-hosts';
import type { KeyValueArea } from '../storage/key-value';

/**
 * A console tab the extension opened: whose session it is and until when. Origins and times
 * only: the sign-in link itself (its SigninToken opens the console) is never kept.
 */
const ConsoleTabSchema = z.object({
  tabId: z.number(),
  origin: z.string(),
  scope: z.string(),
  /**
   * Origin of the sign-in link, for a sign-in page that is not AWS's (the demo portal's): the
   * logout in front of it lives at the same origin (src/aws/console-url.ts).
   */
  signinOrigin: z.string(),
  openedAt: z.number(),
  /** When the console session ends: the JIT keys' end, which a federated console session cannot outlive. */
  endsAt: z.number(),
  /** The multi-session console host the tab is on (`<account>-<session>.<region>.console…`), once it reached one. */
  sessionHost: z.optional(z.string()),
});
export type ConsoleTab = z.infer<typeof ConsoleTabSchema>;

/** One session the extension opened, however many of its tabs are open, oldest first in lists. */
export interface ConsoleSession {
  readonly origin: string;
  readonly scope: string;
  readonly openedAt: number;
  readonly endsAt: number;
  readonly tabIds: readonly number[];
  readonly signinOrigin: string;
  /** The multi-session host its tabs are on, when one has reached it: where it signs out alone. */
  readonly sessionHost?: string;
}

// In storage.session: a restarted worker keeps it, a restarted browser (new tab IDs) does not.
const storeKey = 'consoleTabs';

/** The registry of console tabs the extension opened, kept as those tabs move and close. */
export function createConsoleTabs(memory: KeyValueArea, now: () => number) {
  const read = async (): Promise<ConsoleTab[]> => {
    const parsed = z.array(ConsoleTabSchema).safeParse((await memory.get(storeKey)) ?? []);
    return parsed.success ? parsed.data : [];
  };
  // Tab events come in bursts; each change reads what the one before it wrote.
  let last: Promise<unknown> = Promise.resolve();
  const change = (edit: (tabs: ConsoleTab[]) => ConsoleTab[]): Promise<void> => {
    const next = last.then(async () => {
      const tabs = await read();
      const edited = edit(tabs).filter((tab) => tab.endsAt > now());
      if (edited.length !== tabs.length || edited.some((tab, index) => tab !== tabs[index])) await memory.set(storeKey, edited);
    });
    last = next.catch(() => undefined);
    return next;
  };

  const live = async () => (await read()).filter((tab) => tab.endsAt > now());

  return {
    live,
    add: (tab: ConsoleTab) => change((tabs) => [...tabs.filter((other) => other.tabId !== tab.tabId), tab]),
    forget: (tabIds: readonly number[]) => change((tabs) => tabs.filter((tab) => !tabIds.includes(tab.tabId))),
    /** Every tab but those of one session: a sign-in without multi-session ends all the others. */
    keepOnly: (origin: string, scope: string) => change((tabs) => tabs.filter((tab) => tab.origin === origin && tab.scope === scope)),

    /** A tab of ours moved: still the console (or its sign-in) it stays ours; anywhere else it is not. */
    follow: (tabId: number, href: string) =>
      change((tabs) =>
        tabs.flatMap((tab) => {
          if (tab.tabId !== tabId) return [tab];
          let url: URL;
          try {
            url = new URL(href);
          } catch {
            return [];
          }
          if (!isAwsConsolePage(url) && url.origin !== tab.signinOrigin) return [];
          const sessionHost = multiSessionHost(url);
          return [sessionHost && sessionHost !== tab.sessionHost ? { ...tab, sessionHost } : tab];
        }),
      ),

    /** The live sessions, oldest first. */
    async sessions(): Promise<ConsoleSession[]> {
      const byKey = new Map<string, ConsoleSession>();
      for (const tab of await live()) {
        const key = `${tab.origin} ${tab.scope}`;
        const seen = byKey.get(key);
        const sessionHost = tab.sessionHost ?? seen?.sessionHost;
        byKey.set(key, {
          origin: tab.origin,
          scope: tab.scope,
          openedAt: Math.min(seen?.openedAt ?? tab.openedAt, tab.openedAt),
          endsAt: Math.max(seen?.endsAt ?? tab.endsAt, tab.endsAt),
          tabIds: [...(seen?.tabIds ?? []), tab.tabId],
          signinOrigin: tab.signinOrigin,
          ...(sessionHost ? { sessionHost } : {}),
        });
      }
      return [...byKey.values()].sort((a, b) => a.openedAt - b.openedAt);
    },
  };
}

export type ConsoleTabs = ReturnType<typeof createConsoleTabs>;
