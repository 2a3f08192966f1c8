import browser from 'webextension-polyfill';
import { AccessError } from '../../src/worker';
import type { OffscreenReply, OffscreenRequest } from '../offscreen/offscreen-protocol';
import { createClipboardDocument, hasOffscreenDocument } from './chrome-only';

const offscreenPath = 'extension/offscreen/index.html';
let creating: Promise<void> | undefined;

/** A service worker has no clipboard; an offscreen document does. Only one may exist. */
async function ensureOffscreen(): Promise<void> {
  if (await hasOffscreenDocument()) return;
  creating ??= createClipboardDocument(offscreenPath, 'Copy AWS keys the user asked for to the clipboard').finally(() => {
    creating = undefined;
  });
  await creating;
}

async function ask(request: OffscreenRequest): Promise<OffscreenReply> {
  await ensureOffscreen();
  return (await browser.runtime.sendMessage(request)) as OffscreenReply;
}

export async function writeClipboard(text: string): Promise<void> {
  const reply = await ask({ target: 'offscreen', type: 'copy', text });
  if (!reply.ok) throw new AccessError('CLIPBOARD_FAILED', reply.reason);
}

/** Empties the clipboard only if it still holds `text`: whatever the user copied since stays. */
export async function clearClipboardIfHolds(text: string): Promise<void> {
  await ask({ target: 'offscreen', type: 'clear-if', text });
}
