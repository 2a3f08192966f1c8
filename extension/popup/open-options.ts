import browser from 'webextension-polyfill';

/** The options page opens in a tab, which the popup would only cover. */
export function openOptions(): void {
  void browser.runtime.openOptionsPage().then(() => window.close());
}
