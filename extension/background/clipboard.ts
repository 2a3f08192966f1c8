import { AccessError } from '../../src/worker';
import * as offscreen from './clipboard-offscreen';
import * as page from './clipboard-page';
import { isFirefox } from '../shared/target';

/** The clipboard the background can reach: an offscreen document in Chromium, its own page in Firefox. */
export async function writeClipboard(text: string): Promise<void> {
  if (!isFirefox) return offscreen.writeClipboard(text);
  if (!page.writeClipboard(text)) throw new AccessError('CLIPBOARD_FAILED', 'the browser refused the copy');
}

/** Empties the clipboard only if it still holds `text`: whatever the user copied since stays. */
export async function clearClipboardIfHolds(text: string): Promise<void> {
  if (isFirefox) page.clearClipboardIfHolds(text);
  else await offscreen.clearClipboardIfHolds(text);
}
