export const awsPartitions = ['aws', 'aws-us-gov', 'aws-cn'] as const;

export type AwsPartition = (typeof awsPartitions)[number];

/** `other` is a sign-in page that is not AWS's own, such as the demo portal's `/federation`. */
export type Partition = AwsPartition | 'other';

/** An AWS region name, like us-east-1 or us-gov-west-1: the one definition every check uses. */
export const regionPattern = /^[a-z]{2}(-[a-z]+)+-\d+$/;

export function isAwsRegion(value: string): boolean {
  return regionPattern.test(value);
}

interface PartitionHosts {
  readonly signin: string;
  /** AWS's logout redirect only works on the regional host in the commercial partition. */
  readonly logout: string;
  /** The console's domain; its regional, service and multi-session hosts sit below it. */
  readonly consoleDomain: string;
  /** Whether the console has a host per region (`us-west-2.console…`) rather than one for all. */
  readonly regionalConsole: boolean;
  /** Where the console lands when nothing names a region. */
  readonly defaultRegion: string;
}

const hosts: Readonly<Record<AwsPartition, PartitionHosts>> = {
  aws: {
    signin: 'signin.aws.amazon.com',
    logout: 'us-east-1.signin.aws.amazon.com',
    consoleDomain: 'console.aws.amazon.com',
    regionalConsole: true,
    defaultRegion: 'us-east-1',
  },
  'aws-us-gov': {
    signin: 'signin.amazonaws-us-gov.com',
    logout: 'signin.amazonaws-us-gov.com',
    consoleDomain: 'console.amazonaws-us-gov.com',
    regionalConsole: false,
    defaultRegion: 'us-gov-west-1',
  },
  'aws-cn': {
    signin: 'signin.amazonaws.cn',
    logout: 'signin.amazonaws.cn',
    consoleDomain: 'console.amazonaws.cn',
    regionalConsole: false,
    defaultRegion: 'cn-north-1',
  },
};

/**
 * The partition a sign-in URL belongs to, read from its host name (`URL.hostname`): the
 * plain sign-in host or a region-prefixed one. Never guessed from anything else, since a
 * wrong partition sends the user's sign-in token to the wrong place.
 */
export function partitionOfHost(hostname: string): Partition {
  const host = hostname.toLowerCase();
  for (const partition of awsPartitions) {
    const signin = hosts[partition].signin;
    if (host === signin) return partition;
    const prefix = host.endsWith(`.${signin}`) ? host.slice(0, -signin.length - 1) : '';
    if (isAwsRegion(prefix)) return partition;
  }
  return 'other';
}

/** AWS's sign-in hosts, one per partition (each also answers under `<region>.` in front). */
/** The console's domain in each partition. */
export const consoleDomains = Object.fromEntries(awsPartitions.map((partition) => [partition, hosts[partition].consoleDomain])) as Readonly<Record<AwsPartition, string>>;

export const awsSigninHosts: readonly string[] = awsPartitions.map((partition) => hosts[partition].signin);

export function signinOrigin(partition: AwsPartition): string {
  return `https://${hosts[partition].signin}`;
}

export function logoutOrigin(partition: AwsPartition): string {
  return `https://${hosts[partition].logout}`;
}

// `other` opens the commercial console: a non-AWS sign-in page still lands there.
const consoleHosts = (partition: Partition) => hosts[partition === 'other' ? 'aws' : partition];

export function consoleOrigin(partition: Partition, region: string): string {
  const { consoleDomain, regionalConsole } = consoleHosts(partition);
  return `https://${regionalConsole ? `${region}.` : ''}${consoleDomain}`;
}

export function defaultConsoleRegion(partition: Partition): string {
  return consoleHosts(partition).defaultRegion;
}
