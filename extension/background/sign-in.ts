import browser from 'webextension-polyfill';
import * as z from 'zod/mini';
import { acceptToken, AccessError, type PortalContext } from '../../src/access';
import { handoffRegex, verifyTokenUrl } from '../../src/access/handoff';

const PendingSchema = z.record(z.string(), z.object({ origin: z.string() }));
const pendingKey = 'pending-sign-ins';

async function pending(context: PortalContext): Promise<z.infer<typeof PendingSchema>> {
  const parsed = PendingSchema.safeParse((await context.deps.memory.get(pendingKey)) ?? {});
  return parsed.success ? parsed.data : {};
}

/**
 * Opens the portal's verify-token page in a new tab, with a redirect rule that applies to
 * that tab only: a page elsewhere that navigates to the handoff address plants nothing.
 */
export async function startSignIn(context: PortalContext, origin: string): Promise<void> {
  // Signing in through the extension is the user's choice of this portal: no confirmation needed.
  await context.candidatePortal(origin);
  // The rule is in place long before the page can hand anything over: that takes the page
  // loading and the user choosing Authorize.
  const tab = await browser.tabs.create({ url: verifyTokenUrl(origin), active: true });
  const tabId = tab.id!;
  await chrome.declarativeNetRequest.updateSessionRules({
    removeRuleIds: [tabId],
    addRules: [
      {
        id: tabId,
        priority: 1,
        action: {
          type: chrome.declarativeNetRequest.RuleActionType.REDIRECT,
          redirect: { regexSubstitution: `${browser.runtime.getURL('extension/handoff/index.html')}?t=\\2` },
        },
        condition: { regexFilter: handoffRegex, resourceTypes: [chrome.declarativeNetRequest.ResourceType.MAIN_FRAME], tabIds: [tabId] },
      },
    ],
  });
  await context.deps.memory.set(pendingKey, { ...(await pending(context)), [tabId]: { origin } });
}

/** The handoff page's token: accepted only from the tab a sign-in opened, then that tab closes. */
export async function finishSignIn(context: PortalContext, tabId: number | undefined, token: string): Promise<string> {
  const waiting = await pending(context);
  const sign = tabId === undefined ? undefined : waiting[tabId];
  if (tabId === undefined || !sign) throw new AccessError('BAD_MESSAGE', 'a sign-in token arrived that no sign-in asked for');
  const others = Object.fromEntries(Object.entries(waiting).filter(([tab]) => tab !== String(tabId)));
  await context.deps.memory.set(pendingKey, others);
  await chrome.declarativeNetRequest.updateSessionRules({ removeRuleIds: [tabId] });
  await acceptToken(context, sign.origin, token, 'handoff');
  await browser.tabs.remove(tabId);
  return sign.origin;
}
