import browser from 'webextension-polyfill';
import {
  acceptHandoff,
  handoffPostUrls,
  leavesSignIn,
  pendingSignIns,
  readHandoff,
  readHandoffNavigation,
  readHandoffPost,
  toViewError,
  signInPageUrl,
  type HandedOver,
  type PendingSignIn,
  type PortalContext,
} from '../../src/worker';
import { onXhrBodiesSent, type RequestSent } from './page-requests';
import { isFirefox } from '../shared/target';
import { onFirefoxHandoffNavigation } from './firefox-handoff';
import { answerHandoffs } from './handoff-fetch';
import { addSignInRules, removeSignInRules } from './sign-in-rules';

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
 * rules for that tab only send the handoff navigation to the worker and block the page's POST
 * (which the worker reads as it is sent); it ends (rules removed, nonce forgotten) on the
 * handoff, when the tab closes or shows another origin, or at its deadline. Listeners are
 * added here, synchronously, so their events wake a stopped worker.
 */
export function signIns(context: PortalContext, limits: SignInLimits, onSignedIn: () => void): SignIns {
  const pending = pendingSignIns(context.deps.memory);
  const base = browser.runtime.getURL('');

  async function end(tabId: number): Promise<void> {
    await pending.take(tabId);
    await removeSignInRules(tabId);
    await browser.alarms.clear(`${alarmPrefix}${tabId}`);
  }

  async function endExpired(): Promise<void> {
    for (const signIn of await pending.expired(context.deps.now())) await end(signIn.tabId);
  }

  async function take(signIn: PendingSignIn, handoff: HandedOver): Promise<void> {
    await end(signIn.tabId);
    // The page that sent it must still be the portal's, not a page the tab moved on to. After
    // either handoff it stays shown (a 204 changes nothing; a blocked fetch fails in the page),
    // so the tab is closed on success, as duplo-jit's redirect to success=true would end it.
    const tab = await browser.tabs.get(signIn.tabId).catch(() => undefined);
    if (!tab?.url || leavesSignIn(signIn, tab.url)) return;
    try {
      await acceptHandoff(context, signIn.origin, handoff);
    } catch (error) {
      const { message } = toViewError(error, signIn.origin);
      await browser.tabs.update(signIn.tabId, { url: `${base}${resultPage}?${new URLSearchParams({ error: message })}` });
      return;
    }
    onSignedIn();
    await browser.tabs.remove(signIn.tabId);
  }

  // The redirect carries no tab: the nonce names it.
  async function receiveRedirect(url: string): Promise<void> {
    const handoff = readHandoff(base, url);
    const signIn = handoff && (await pending.withNonce(handoff.nonce));
    if (handoff && signIn) await take(signIn, { token: handoff.token });
  }

  async function receivePost(sent: RequestSent): Promise<void> {
    const signIn = await pending.withTab(sent.tabId);
    const handoff = signIn && readHandoffPost({ url: sent.url, method: sent.method, initiator: sent.initiator, body: sent.rawBody }, signIn.origin);
    if (signIn && handoff) await take(signIn, handoff);
  }

  // One at a time, so a sign-in takes one handoff even when two arrive together. A failure
  // (the tab closed under us) ends only that handoff, never the ones after it.
  let receiving = Promise.resolve();
  const inTurn = (receive: () => Promise<void>) => (receiving = receiving.then(endExpired).then(receive).catch(() => undefined));
  if (isFirefox) {
    // Firefox stops the navigation itself, so the tab names the sign-in: no nonce needed.
    onFirefoxHandoffNavigation(async (tabId, url) => {
      const handoff = readHandoffNavigation(url);
      const signIn = handoff && (await pending.withTab(tabId));
      if (!handoff || !signIn) return false;
      void inTurn(() => take(signIn, handoff));
      return true;
    });
  } else {
    answerHandoffs((url) => readHandoff(base, url) !== undefined, (url) => inTurn(() => receiveRedirect(url)));
  }
  onXhrBodiesSent(handoffPostUrls, (sent) => void inTurn(() => receivePost(sent)));
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
      await addSignInRules(tabId, base, nonce);
      await browser.alarms.create(`${alarmPrefix}${tabId}`, { when: deadline });
    },
  };
}
