import browser from 'webextension-polyfill';
import { isOffscreenRequest, type OffscreenReply } from './offscreen-protocol';

const area = document.getElementById('clipboard') as HTMLTextAreaElement;

// navigator.clipboard fails here ("Document is not focused"); execCommand on a selected
// textarea works in an offscreen document.
function write(text: string): boolean {
  area.value = text;
  area.select();
  const done = document.execCommand('copy');
  area.value = '';
  return done;
}

function read(): string | undefined {
  area.value = '';
  area.select();
  const done = document.execCommand('paste');
  const text = area.value;
  area.value = '';
  return done ? text : undefined;
}

browser.runtime.onMessage.addListener((message: unknown): Promise<OffscreenReply> | undefined => {
  if (!isOffscreenRequest(message)) return undefined;
  if (message.type === 'copy') {
    return Promise.resolve(write(message.text) ? { ok: true } : { ok: false, reason: 'the browser refused the copy' });
  }
  // Without the optional clipboardRead permission nothing can be read, so nothing is cleared.
  // An empty selection copies nothing, so a single space takes the keys' place.
  if (read() === message.text) write(' ');
  return Promise.resolve({ ok: true });
});
