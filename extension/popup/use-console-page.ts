import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { readConsolePage } from '../../src/aws/console-page-destination';

export interface ConsolePageChoice {
  /** The tab's console URL: the worker checks it again against the tenant's partition. */
  readonly url: string;
  /** What the user reads: the service and region of the page, such as `ec2 · eu-west-1`. */
  readonly label: string;
}

export interface ConsolePageModel {
  readonly page: ConsolePageChoice | undefined;
  readonly dismiss: () => void;
}

/**
 * The AWS console page in the tab the popup was opened over, if that is what the tab shows:
 * the rows then open that page in the tenant picked, until the user goes back to the console home.
 */
export function useConsolePage(): ConsolePageModel {
  const [page, setPage] = useState<ConsolePageChoice>();
  useEffect(() => {
    void browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => {
      if (!tab?.url) return;
      try {
        const read = readConsolePage(tab.url);
        setPage({ url: tab.url, label: [read.service || 'console home', read.region].filter(Boolean).join(' · ') });
      } catch {
        // Not a console page: the rows open each tenant's console home, as always.
      }
    });
  }, []);
  return { page, dismiss: () => setPage(undefined) };
}
