import { PortalError } from '../duplo/errors';
import { isLoopbackHost } from '../duplo/portal-host';
import { partitionOfHost } from './partition';

/**
 * Why a portal's console link is refused, or undefined when it leads to AWS's own sign-in:
 * https, on a sign-in host of a known partition, on its default port. A portal (or a page
 * posing as one) can put any address in ConsoleUrl, and the extension opens it in a tab or
 * hands it to a program. One exception: a portal on this machine (the demo portal, which only
 * the user can add) may point at itself, where it stands in for AWS's sign-in page.
 */
export function consoleLinkRefusal(link: string, portalOrigin: string): PortalError | undefined {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    // The link itself never goes into an error: its SigninToken opens the console.
    return new PortalError('BAD_RESPONSE', { detail: 'its console link is not a URL' });
  }
  const onAws = url.protocol === 'https:' && url.port === '' && !url.username && !url.password && partitionOfHost(url.hostname) !== 'other';
  const localStandIn = url.origin === portalOrigin && isLoopbackHost(url.hostname);
  return onAws || localStandIn ? undefined : new PortalError('CONSOLE_HOST_REFUSED', { detail: url.protocol === 'https:' ? url.host : `${url.protocol}//${url.host}` });
}

/** Throws PortalError CONSOLE_HOST_REFUSED (or BAD_RESPONSE) unless the link is AWS's sign-in (`consoleLinkRefusal`). */
export function checkConsoleLink(link: string, portalOrigin: string): void {
  const refusal = consoleLinkRefusal(link, portalOrigin);
  if (refusal) throw refusal;
}
