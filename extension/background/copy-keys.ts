import browser from 'webextension-polyfill';
import { keysTextFor, kubeconfigTextFor, type PortalContext } from '../../src/worker';
import type { CopyFormat } from '../../src/aws/copy-formats';
import type { CopiedKeys } from '../../src/worker-messages/protocol';
import { loadSettings } from '../../src/settings/settings';
import { clearClipboardIfHolds, writeClipboard } from './clipboard';

async function flashBadge(text: string, color: string): Promise<void> {
  await browser.action.setBadgeBackgroundColor({ color });
  await browser.action.setBadgeText({ text });
  setTimeout(() => void browser.action.setBadgeText({ text: '' }), 2_000);
}

/** The clipboard write with its badge: a tick, or a cross and the error for the caller. */
async function flashed<T>(work: () => Promise<T>): Promise<T> {
  try {
    const done = await work();
    await flashBadge('✓', '#1a7f37');
    return done;
  } catch (error) {
    await flashBadge('!', '#cf222e');
    throw error;
  }
}

/** Copies a scope's keys; the popup and the context menu both land here. */
export function copyKeys(context: PortalContext, origin: string, scope: string, format?: CopyFormat): Promise<CopiedKeys> {
  return flashed(async () => {
    const keys = await keysTextFor(context, origin, scope, format);
    await writeClipboard(keys.text);
    const { clearClipboardSeconds } = await loadSettings(context.deps.disk);
    if (clearClipboardSeconds > 0) setTimeout(() => void clearClipboardIfHolds(keys.text), clearClipboardSeconds * 1000);
    return { format: keys.format, expiresAt: keys.expiresAt };
  });
}

/** Copies a tenant's kubeconfig: no secret in it (its user runs our CLI), so the clipboard is left alone afterwards. */
export function copyKubeconfig(context: PortalContext, origin: string, scope: string): Promise<null> {
  return flashed(async () => {
    await writeClipboard(await kubeconfigTextFor(context, origin, scope));
    return null;
  });
}
