import { awsSigninHosts, consoleDomains } from './partition';

const consoleHosts = Object.values(consoleDomains);

/**
 * Every console page (regional, service and multi-session hosts too) as match patterns: the
 * context menu's `documentUrlPatterns`, and the host access the banner asks for when turned on.
 */
export const consoleHostPatterns: readonly string[] = consoleHosts.flatMap((domain) => [`https://${domain}/*`, `https://*.${domain}/*`]);

/** The account and session of an AWS multi-session host's first label, `<account>-<session>.<region>.console…`. */
export const multiSessionLabel = /^\d{12}-[a-z0-9]+$/;

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
 * The host of an AWS multi-session console, `<account>-<session>.<region>.console.aws.amazon.com`,
 * or undefined for a host without an account's session in front.
 */
export function multiSessionHost(url: URL): string | undefined {
  const host = url.hostname.toLowerCase();
  if (url.protocol !== 'https:' || !consoleHosts.some((parent) => host.endsWith(`.${parent}`))) return undefined;
  return multiSessionLabel.test(host.split('.')[0] ?? '') ? host : undefined;
}

/**
 * The console's own sign-out, on one multi-session host: it ends that session and leaves the
 * others, where AWS's sign-in logout (`/oauth?Action=logout`) would end them all.
 */
export const sessionSignOutUrl = (sessionHost: string): string => `https://${sessionHost}/console/logout!doLogout`;
