import { isAwsConsolePage, multiSessionSlot } from './console-hosts';
import { awsSigninHosts } from './partition';

/**
 * The console page a renewed sign-in should land on: the page the tab shows, on its plain
 * regional host (a multi-session host names a session that the new sign-in may not get).
 * Undefined for anything that is not a console page, such as AWS's sign-in pages.
 */
export function consolePageDestination(href: string): string | undefined {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return undefined;
  }
  const host = url.hostname.toLowerCase();
  if (!isAwsConsolePage(url) || awsSigninHosts.some((signin) => host === signin || host.endsWith(`.${signin}`))) return undefined;
  const slot = multiSessionSlot(url);
  if (slot) url.hostname = host.slice(slot.length + 1);
  return url.href;
}

/**
 * The sign-in with its `Destination` set to a console page. As in withDestination
 * (console-url.ts), only that parameter changes; the SigninToken stays byte for byte.
 */
export function withDestinationPage(loginUrl: string, page: string): string {
  const url = new URL(loginUrl);
  const destination = `Destination=${encodeURIComponent(page)}`;
  const params = url.search
    .slice(1)
    .split('&')
    .filter((param) => param.split('=')[0] !== 'Destination');
  url.search = [...params, destination].join('&');
  return url.href;
}
