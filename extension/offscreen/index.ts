import browser from 'webextension-polyfill';
import { textareaClipboard } from '../shared/textarea-clipboard';
import { isOffscreenRequest, type OffscreenReply } from './offscreen-protocol';

// navigator.clipboard fails here ("Document is not focused"); execCommand on a selected
// textarea works in an offscreen document.
const clipboard = textareaClipboard(document.getElementById('clipboard') as HTMLTextAreaElement);

browser.runtime.onMessage.addListener((message: unknown): Promise<OffscreenReply> | undefined => {
  if (!isOffscreenRequest(message)) return undefined;
  if (message.type === 'copy') {
    return Promise.resolve(clipboard.write(message.text) ? { ok: true } : { ok: false, reason: 'the browser refused the copy' });
  }
  // Without the optional clipboardRead permission nothing can be read, so nothing is cleared.
  // An empty selection copies nothing, so a single space takes the keys' place.
  if (clipboard.read() === message.text) clipboard.write(' ');
  return Promise.resolve({ ok: true });
});
