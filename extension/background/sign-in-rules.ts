import browser from 'webextension-polyfill';
import { handoffPortRegex, handoffRegex, handoffTarget } from '../../src/worker';
import { isFirefox } from '../shared/target';

// Every session rule is a sign-in's, each naming its tab, so the rules find their tab and
// nothing else need be stored. Their IDs cannot be the tab's: Chromium's tab IDs start near
// 2^31 (test/browser-facts.md), so any second number made from one can overflow.
async function ruleIdsOf(tabId: number): Promise<number[]> {
  const rules = await browser.declarativeNetRequest.getSessionRules();
  return rules.filter((rule) => rule.condition.tabIds?.includes(tabId)).map((rule) => rule.id);
}

// One change at a time, so two sign-ins started together never pick the same IDs.
let changing = Promise.resolve();
function inTurn(change: () => Promise<void>): Promise<void> {
  const done = changing.then(change);
  changing = done.catch(() => undefined);
  return done;
}

/**
 * While a sign-in is pending, for its tab only: the handoff navigation (`/?t=`) is redirected to
 * the worker, with the sign-in's nonce; anything else the page sends to the handoff port (the
 * older and MFA portals' POST, read by the worker's webRequest listener) is blocked, so no
 * program listening there gets the token.
 */
export function addSignInRules(tabId: number, extensionBase: string, nonce: string): Promise<void> {
  return inTurn(async () => {
    const rules = await browser.declarativeNetRequest.getSessionRules();
    const next = Math.max(0, ...rules.map((rule) => rule.id)) + 1;
    await browser.declarativeNetRequest.updateSessionRules({
      removeRuleIds: await ruleIdsOf(tabId),
      addRules: [
        // Firefox stops the handoff navigation with a blocking listener instead (firefox-handoff.ts).
        ...(isFirefox
          ? []
          : [
              {
                id: next,
                priority: 1,
                action: { type: 'redirect' as const, redirect: { regexSubstitution: handoffTarget(extensionBase, nonce) } },
                condition: { regexFilter: handoffRegex, resourceTypes: ['main_frame' as const], tabIds: [tabId] },
              },
            ]),
        {
          id: next + 1,
          priority: 1,
          action: { type: 'block' },
          condition: { regexFilter: handoffPortRegex, excludedResourceTypes: ['main_frame'], tabIds: [tabId] },
        },
      ],
    });
  });
}

export function removeSignInRules(tabId: number): Promise<void> {
  return inTurn(async () => browser.declarativeNetRequest.updateSessionRules({ removeRuleIds: await ruleIdsOf(tabId) }));
}
