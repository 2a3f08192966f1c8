import { awsSigninHosts } from './partition';

/** The console's own hosts, one per partition; regional and multi-session hosts sit below them. */
const consoleHosts: readonly string[] = ['console.aws.amazon.com', 'console.amazonaws-us-gov.com', 'console.amazonaws.cn'];

const under = (host: string, parent: string) => host === parent || host.endsWith(`.${parent}`);

/**
 * Whether a page is one a console tab passes through: AWS's sign-in hosts (with their logout)
 * and the console's, including multi-session ones such as
 * `123456789012-abcd1234.us-east-1.console.aws.amazon.com`. Only https: nothing else is AWS.
 */
export function isAwsConsolePage(url: URL): boolean {
  if (url.protocol !== 'https:') return false;
  const host = url.hostname.toLowerCase();
  return [...consoleHosts, ...awsSigninHosts].some((parent) => under(host, parent));
}

/**
 * The multi-session slot a console host names, `<account>-<session>` in front of
 * `<region>.console.aws.amazon.com`, or undefined for a host without one.
 */
export function multiSessionSlot(url: URL): string | undefined {
  const host = url.hostname.toLowerCase();
  if (url.protocol !== 'https:' || !consoleHosts.some((parent) => host.endsWith(`.${parent}`))) return undefined;
  const first = host.split('.')[0] ?? '';
  return /^\d{12}-[a-z0-9]+$/.test(first) ? first : undefined;
}
