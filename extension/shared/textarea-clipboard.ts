/**
 * The clipboard through a textarea of a document that is not shown: Chromium's offscreen
 * document and Firefox's background page. execCommand works in both where
 * navigator.clipboard.writeText needs a focused document (test/browser-facts.md, "Clipboard").
 */
export interface TextareaClipboard {
  /** Whether the browser took the copy. */
  write(text: string): boolean;
  /** The clipboard's text, or undefined without the optional clipboardRead permission. */
  read(): string | undefined;
}

export function textareaClipboard(area: HTMLTextAreaElement): TextareaClipboard {
  return {
    write(text) {
      area.value = text;
      area.select();
      const done = document.execCommand('copy');
      area.value = '';
      return done;
    },
    read() {
      area.value = '';
      area.select();
      const done = document.execCommand('paste');
      const text = area.value;
      area.value = '';
      return done ? text : undefined;
    },
  };
}
