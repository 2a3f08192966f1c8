import { textareaClipboard, type TextareaClipboard } from '../shared/textarea-clipboard';

let clipboard: TextareaClipboard | undefined;

/**
 * Firefox: the background is a page with a DOM of its own (and has no offscreen documents), so
 * it writes through a textarea of its own document, made on first use.
 */
function pageClipboard(): TextareaClipboard {
  if (!clipboard) {
    const area = document.createElement('textarea');
    document.body.append(area);
    clipboard = textareaClipboard(area);
  }
  return clipboard;
}

export function writeClipboard(text: string): boolean {
  return pageClipboard().write(text);
}

/** Empties the clipboard only if it still holds `text` (readable only with clipboardRead). */
export function clearClipboardIfHolds(text: string): void {
  if (pageClipboard().read() === text) pageClipboard().write(' ');
}
