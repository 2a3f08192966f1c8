import { multiSessionLabel } from './console-hosts';
import { ConsolePageError } from './console-page-error';
import { servicePattern, withDestinationOf } from './console-url';
import { awsPartitions, consoleDomains, isAwsRegion, type AwsPartition, type Partition } from './partition';

export interface ConsolePage {
  readonly partition: AwsPartition;
  /** The page with any account-specific host label dropped: what another sign-in can land on. */
  readonly destination: string;
  /** The page as it is, on its multi-session host if it has one: where the same identity lands again. */
  readonly own: string;
  /** The first path segment, such as `ec2`; empty on the console's home. */
  readonly service: string;
  /** The region the page names in its query or host; empty when it names none. */
  readonly region: string;
}

/**
 * Reads a tab's URL as an AWS console page, or throws ConsolePageError NOT_A_CONSOLE_PAGE.
 * Only https on the console's own hosts counts: `console.<domain>`, `<region or service>.console.<domain>`
 * (like `us-west-2.` or `s3.`), and multi-session `<account>-<session>.<region>.console.<domain>`,
 * which becomes the plain regional host since that session belongs to the other sign-in.
 */
export function readConsolePage(pageUrl: string): ConsolePage {
  let url: URL;
  try {
    url = new URL(pageUrl);
  } catch {
    throw new ConsolePageError('NOT_A_CONSOLE_PAGE', 'not a URL');
  }
  if (url.protocol !== 'https:' || url.port !== '' || url.username || url.password) {
    throw new ConsolePageError('NOT_A_CONSOLE_PAGE', `${url.protocol}//${url.host} is not an https console host`);
  }
  const host = url.hostname.toLowerCase();
  for (const partition of awsPartitions) {
    const domain = consoleDomains[partition];
    if (host !== domain && !host.endsWith(`.${domain}`)) continue;
    const labels = host === domain ? [] : host.slice(0, -domain.length - 1).split('.');
    const kept = keptLabels(labels);
    if (!kept) break;
    const own = url.href;
    url.hostname = [...kept, domain].join('.');
    const region = url.searchParams.get('region') ?? kept.find(isAwsRegion) ?? '';
    return { partition, destination: url.href, own, service: url.pathname.split('/').find(Boolean) ?? '', region: isAwsRegion(region) ? region : '' };
  }
  throw new ConsolePageError('NOT_A_CONSOLE_PAGE', `${host} is not an AWS console host`);
}

function keptLabels(labels: readonly string[]): readonly string[] | undefined {
  if (labels.length === 0) return labels;
  const [first = '', second = ''] = labels;
  // A service host such as `s3.`; an account's label alone would carry that account over.
  if (labels.length === 1 && (isAwsRegion(first) || (servicePattern.test(first) && !/^\d{12}-/.test(first)))) return labels;
  if (labels.length === 2 && multiSessionLabel.test(first) && isAwsRegion(second)) return [second];
  return undefined;
}

/**
 * The `Destination` for a sign-in of `partition` that lands on the same console page, or
 * ConsolePageError OTHER_PARTITION: a GovCloud page cannot open in a commercial account.
 * `other` (a sign-in page that is not AWS's, the demo portal's) lands on the commercial console.
 */
export function consolePageDestination(pageUrl: string, partition: Partition, sameSession = false): string {
  const page = samePartition(pageUrl, partition === 'other' ? 'aws' : partition);
  return sameSession ? page.own : page.destination;
}

function samePartition(pageUrl: string, partition: AwsPartition): ConsolePage {
  const page = readConsolePage(pageUrl);
  if (page.partition !== partition) throw new ConsolePageError('OTHER_PARTITION', `the page is in ${page.partition}, the sign-in in ${partition}`);
  return page;
}

/**
 * The page on another identity's live multi-session host: that session opens it with no
 * sign-in (which would end its tabs). The region travels in the query, as the console's own links carry it.
 */
export function pageOnSessionHost(pageUrl: string, sessionHost: string): string {
  const target = readConsolePage(`https://${sessionHost}/`);
  const page = samePartition(pageUrl, target.partition);
  const url = new URL(page.destination);
  url.hostname = sessionHost;
  if (page.region && !url.searchParams.has('region')) url.searchParams.set('region', page.region);
  return url.href;
}

/** Whether a tab shows an AWS console page, for the popup and the menus to offer "Open this page in …". */
export function isConsolePage(pageUrl: string | undefined): pageUrl is string {
  if (!pageUrl) return false;
  try {
    readConsolePage(pageUrl);
    return true;
  } catch {
    return false;
  }
}

/**
 * The sign-in, landing on the tab's console page instead of where the portal aimed it;
 * `sameSession` (a renewal of the identity whose page it is) keeps its multi-session host.
 */
export function withPageDestination(loginUrl: string, pageUrl: string, sameSession = false): string {
  return withDestinationOf(loginUrl, (partition) => consolePageDestination(pageUrl, partition, sameSession));
}
