import browser from 'webextension-polyfill';

/**
 * Loads `url` in a tab and resolves once that load has finished (or failed, or the tab
 * closed), or after `limitMs`: a slow or stuck page must not hold up what comes next.
 */
export function loadInTab(tabId: number, url: string, limitMs: number): Promise<void> {
  return new Promise((resolve) => {
    let started = false;
    const done = () => {
      clearTimeout(timer);
      browser.tabs.onUpdated.removeListener(onUpdated);
      browser.tabs.onRemoved.removeListener(onRemoved);
      resolve();
    };
    // The tab may report the end of its previous page first: only a completion after our load started counts.
    const onUpdated = (updated: number, change: browser.Tabs.OnUpdatedChangeInfoType) => {
      if (updated !== tabId) return;
      if (change.status === 'loading') started = true;
      else if (change.status === 'complete' && started) done();
    };
    const onRemoved = (removed: number) => {
      if (removed === tabId) done();
    };
    const timer = setTimeout(done, limitMs);
    browser.tabs.onUpdated.addListener(onUpdated);
    browser.tabs.onRemoved.addListener(onRemoved);
    browser.tabs.update(tabId, { url }).catch(done);
  });
}
