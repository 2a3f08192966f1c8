import browser from 'webextension-polyfill';
import { lastUsedScope, toViewError, type PortalContext } from '../../src/worker';
import { loadSettings } from '../../src/settings/settings';
import type { OpenConsole } from './console-tabs';

/** The shortcut of manifest.json `commands` that opens the console of the tenant used last. */
export const openLastConsole = 'open-last-console';

/** What a shortcut runs (`_execute_action` is the browser's own): exposed to tests, which cannot press one. */
export async function runCommand(context: PortalContext, open: OpenConsole, command: string): Promise<void> {
  if (command !== openLastConsole) return;
  const last = lastUsedScope(await loadSettings(context.deps.disk));
  if (!last) return;
  try {
    await open(last.origin, last.scope);
  } catch (error) {
    console.warn(`Open the last console failed: ${toViewError(error, last.origin).code}`);
  }
}

export function listenCommands(context: PortalContext, open: OpenConsole): void {
  browser.commands.onCommand.addListener((command) => void runCommand(context, open, command));
}
