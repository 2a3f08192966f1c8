import browser, { type Omnibox } from 'webextension-polyfill';
import { omniboxAction, omniboxSuggestions, omniboxTarget, popupView, toViewError, type OmniboxSuggestion, type PortalContext } from '../../src/worker';
import { isFirefox } from '../shared/target';
import { copyKeys } from './copy-keys';
import type { OpenConsole } from './console-tabs';

/** The tenants the typed letters match, from the stored lists (no portal call while typing). */
export async function omniboxSuggest(context: PortalContext, text: string): Promise<OmniboxSuggestion[]> {
  return omniboxSuggestions(await popupView(context), text, !isFirefox);
}

/** Enter opens the tenant's console in the tab; Alt+Enter copies its keys in the default format. */
export async function omniboxEnter(context: PortalContext, open: OpenConsole, text: string, disposition: Omnibox.OnInputEnteredDisposition): Promise<void> {
  const target = omniboxTarget(await popupView(context), text);
  if (!target) return;
  try {
    const action = omniboxAction(disposition);
    if (action === 'keys') await copyKeys(context, target.origin, target.scope);
    else await open(target.origin, target.scope, { here: action === 'console-here' });
  } catch (error) {
    // The omnibox has nowhere to show words; copyKeys flashes the badge, and the popup shows the row's error.
    console.warn(`The jit keyword failed: ${toViewError(error, target.origin).code}`);
  }
}

/** The `jit` keyword (manifest.json `omnibox`); added at start-up, as every listener is. */
export function listenOmnibox(context: PortalContext, open: OpenConsole): void {
  browser.omnibox.setDefaultSuggestion({ description: 'Type a tenant’s name: Enter opens its AWS console, Alt+Enter copies its keys' });
  browser.omnibox.onInputChanged.addListener((text, suggest) => void omniboxSuggest(context, text).then(suggest, () => suggest([])));
  browser.omnibox.onInputEntered.addListener((text, disposition) => void omniboxEnter(context, open, text, disposition));
}
