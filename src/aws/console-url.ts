import { isLoopbackHost } from '../duplo/portal-host';
import { AwsFormatError } from './errors';
import { consoleOrigin, defaultConsoleRegion, isAwsRegion, logoutOrigin, partitionOfHost, type Partition } from './partition';

export interface ConsoleTarget {
  /** Empty: the partition's default region (a portal may send credentials without one). */
  region: string;
  /** The console's path for a service, e.g. `ec2`, `s3`; `console` is the console home. */
  service?: string;
}

/** A console service path, like ec2 or s3: the one definition every check uses. */
export const servicePattern = /^[a-z0-9-]+$/;

/** The console page a federated sign-in lands on. */
export function consoleDestination(partition: Partition, target: ConsoleTarget): string {
  const { service = 'console' } = target;
  const region = target.region || defaultConsoleRegion(partition);
  if (!isAwsRegion(region)) {
    throw new AwsFormatError('BAD_DESTINATION', `${JSON.stringify(region)} is not an AWS region name like us-east-1`);
  }
  if (!servicePattern.test(service)) {
    throw new AwsFormatError('BAD_DESTINATION', `${JSON.stringify(service)} is not a console service name like ec2`);
  }
  return `${consoleOrigin(partition, region)}/${service}/home?region=${region}`;
}

/**
 * The same sign-in, landing on another service or region. Only the `Destination` parameter
 * is rewritten; every other one stays byte for byte as the portal sent it, since AWS checks
 * the SigninToken and nothing here should re-encode it.
 */
export function withDestination(loginUrl: string, target: ConsoleTarget): string {
  return withDestinationOf(loginUrl, (partition) => consoleDestination(partition, target));
}

/** The same sign-in, landing on the page `destination` makes for the sign-in's partition. */
export function withDestinationOf(loginUrl: string, destinationFor: (partition: Partition) => string): string {
  const url = parseLoginUrl(loginUrl);
  const destination = `Destination=${encodeURIComponent(destinationFor(partitionOfHost(url.hostname)))}`;
  let replaced = false;
  const params = url.search
    .slice(1)
    .split('&')
    .flatMap((param) => {
      if (param.split('=')[0] !== 'Destination') return [param];
      if (replaced) return [];
      replaced = true;
      return [destination];
    });
  if (!replaced) params.push(destination);
  url.search = params.join('&');
  return url.href;
}

/**
 * The sign-in wrapped in AWS's logout redirect, so that opening a console for another
 * account does not stop at AWS's "log out first" page. A sign-in page that is not AWS's has
 * its logout beside it, at its own origin.
 */
export function withLogout(loginUrl: string): string {
  const url = parseLoginUrl(loginUrl);
  const partition = partitionOfHost(url.hostname);
  const origin = partition === 'other' ? url.origin : logoutOrigin(partition);
  return `${origin}/oauth?Action=logout&redirect_uri=${encodeURIComponent(url.href)}`;
}

// The URL itself never goes into an error: its SigninToken opens the console.
function parseLoginUrl(loginUrl: string): URL {
  let url: URL;
  try {
    url = new URL(loginUrl);
  } catch {
    throw notALoginUrl('it does not parse as a URL');
  }
  const secure = url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
  if (!secure) throw notALoginUrl('it is not https and not on this machine');
  if (url.searchParams.get('Action') !== 'login') throw notALoginUrl('its Action is not login');
  if (!url.searchParams.get('SigninToken')) throw notALoginUrl('it has no SigninToken');
  return url;
}

function notALoginUrl(reason: string): AwsFormatError {
  return new AwsFormatError('NOT_A_LOGIN_URL', `not a federation login URL: ${reason}`);
}
