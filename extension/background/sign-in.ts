import browser from 'webextension-polyfill';
import {
  acceptHandoff,
  handoffRegex,
  handoffTarget,
  leavesSignIn,
  pendingSignIns,
  readHandoff,
  toViewError,
  signInPageUrl,
  type PortalContext,
} from '../../src/worker';
import { answerHandoffs } from './handoff-fetch';

/** How long a sign-in waits for its handoff. An object so the browser tests can shorten it. */
export interface SignInLimits {
  timeLimitMs: number;
}

const alarmPrefix = 'sign-in-ends:';
const resultPage = 'extension/handoff/index.html';

export interface SignIns {
  start(origin: string): Promise<void>;
}

/**
 * Sign-in through the portal's verify-token page, in a tab of its own. While it is pending,
 * a redirect rule for that tab only sends the handoff to the worker; it ends (rule removed,
 * nonce forgotten) on the handoff, when the tab closes or shows another origin, or at its
 * deadline. Listeners are added here, synchronously, so their events wake a stopped worker.
 */
export function signIns(context: PortalContext, limits: SignInLimits, onSignedIn: () => void): SignIns {
  const pending = pendingSignIns(context.deps.memory);
  const base = browser.runtime.getURL('');

  async function end(tabId: number): Promise<void> {
    await pending.take(tabId);
    await browser.declarativeNetRequest.updateSessionRules({ removeRuleIds: [tabId] });
    await browser.alarms.clear(`${alarmPrefix}${tabId}`);
  }

  async function endExpired(): Promise<void> {
    for (const signIn of await pending.expired(context.deps.now())) await end(signIn.tabId);
  }

  async function receiveOne(url: string): Promise<void> {
    await endExpired();
    const handoff = readHandoff(base, url);
    const signIn = handoff && (await pending.withNonce(handoff.nonce));
    if (!handoff || !signIn) return;
    await end(signIn.tabId);
    // The request carries no tab: the nonce names it. The page that sent it must still be the
    // portal's (it stays shown: a 204 changes nothing), not a page the tab moved on to.
    const tab = await browser.tabs.get(signIn.tabId).catch(() => undefined);
    if (!tab?.url || leavesSignIn(signIn, tab.url)) return;
    try {
      await acceptHandoff(context, signIn.origin, handoff.token);
    } catch (error) {
      const { message } = toViewError(error, signIn.origin);
      await browser.tabs.update(signIn.tabId, { url: `${base}${resultPage}?${new URLSearchParams({ error: message })}` });
      return;
    }
    onSignedIn();
    await browser.tabs.remove(signIn.tabId);
  }

  // One at a time, so a nonce is used once even when two handoffs arrive together. A failure
  // (the tab closed under us) ends only that handoff, never the ones after it.
  let receiving = Promise.resolve();
  const receive = (url: string) => (receiving = receiving.then(() => receiveOne(url)).catch(() => undefined));
  answerHandoffs((url) => readHandoff(base, url) !== undefined, receive);
  browser.tabs.onRemoved.addListener((tabId) => void end(tabId));
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.url === undefined) return;
    const url = change.url;
    void pending.withTab(tabId).then((signIn) => (signIn && leavesSignIn(signIn, url) ? end(tabId) : undefined));
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name.startsWith(alarmPrefix)) void endExpired();
  });

  return {
    async start(origin) {
      // Signing in through the extension is the user's choice of this portal: no confirmation needed.
      await context.candidatePortal(origin);
      await endExpired();
      const tab = await browser.tabs.create({ url: signInPageUrl(origin), active: true });
      const tabId = tab.id!;
      const nonce = crypto.randomUUID();
      const deadline = context.deps.now() + limits.timeLimitMs;
      await pending.add({ tabId, origin, nonce, deadline });
      // In place long before the page can hand anything over: that takes the page loading and
      // the user choosing Authorize.
      await browser.declarativeNetRequest.updateSessionRules({
        removeRuleIds: [tabId],
        addRules: [
          {
            id: tabId,
            priority: 1,
            action: { type: 'redirect', redirect: { regexSubstitution: handoffTarget(base, nonce) } },
            condition: { regexFilter: handoffRegex, resourceTypes: ['main_frame'], tabIds: [tabId] },
          },
        ],
      });
      await browser.alarms.create(`${alarmPrefix}${tabId}`, { when: deadline });
    },
  };
}
