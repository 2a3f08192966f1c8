import browser from 'webextension-polyfill';
import { keysTextFor, type PortalContext } from '../../src/worker';
import type { CopyFormat } from '../../src/aws/copy-formats';
import type { CopiedKeys } from '../../src/worker-messages/protocol';
import { loadSettings } from '../../src/settings/settings';
import { clearClipboardIfHolds, writeClipboard } from './clipboard';

async function flashBadge(text: string, color: string): Promise<void> {
  await browser.action.setBadgeBackgroundColor({ color });
  await browser.action.setBadgeText({ text });
  setTimeout(() => void browser.action.setBadgeText({ text: '' }), 2_000);
}

/** Copies a scope's keys; the popup and the context menu both land here. */
export async function copyKeys(context: PortalContext, origin: string, scope: string, format?: CopyFormat): Promise<CopiedKeys> {
  try {
    const keys = await keysTextFor(context, origin, scope, format);
    await writeClipboard(keys.text);
    await flashBadge('✓', '#1a7f37');
    const { clearClipboardSeconds } = await loadSettings(context.deps.disk);
    if (clearClipboardSeconds > 0) setTimeout(() => void clearClipboardIfHolds(keys.text), clearClipboardSeconds * 1000);
    return { format: keys.format, expiresAt: keys.expiresAt };
  } catch (error) {
    await flashBadge('!', '#cf222e');
    throw error;
  }
}
