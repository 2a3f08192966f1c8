import { describe, expect, it } from 'vitest';
import { ConsolePageError } from './console-page-error';
import { consolePageDestination, isConsolePage, pageOnSessionHost, readConsolePage, withPageDestination } from './console-page-destination';

describe('consolePageDestination', () => {
  it.each([
    ['aws', 'https://us-west-2.console.aws.amazon.com/ec2/home?region=us-west-2#Instances:instanceState=running'],
    ['aws', 'https://console.aws.amazon.com/iam/home#/roles'],
    ['aws', 'https://s3.console.aws.amazon.com/s3/buckets?region=eu-west-1'],
    ['aws-us-gov', 'https://console.amazonaws-us-gov.com/ec2/home?region=us-gov-west-1'],
    ['aws-us-gov', 'https://us-gov-east-1.console.amazonaws-us-gov.com/lambda/home?region=us-gov-east-1'],
    ['aws-cn', 'https://console.amazonaws.cn/rds/home?region=cn-north-1'],
    ['aws-cn', 'https://cn-northwest-1.console.amazonaws.cn/vpc/home?region=cn-northwest-1#vpcs:'],
  ] as const)('keeps a %s page as it is: %s', (partition, page) => {
    expect(consolePageDestination(page, partition)).toBe(page);
  });

  it('drops the account and session of a multi-session host, keeping region, service, path and query', () => {
    const page = 'https://123456789012-x9abc7de.us-east-2.console.aws.amazon.com/cloudwatch/home?region=us-east-2#logsV2:log-groups';
    expect(consolePageDestination(page, 'aws')).toBe('https://us-east-2.console.aws.amazon.com/cloudwatch/home?region=us-east-2#logsV2:log-groups');
  });

  it('lands a sign-in page that is not AWS’s (the demo portal) on the commercial console', () => {
    expect(consolePageDestination('https://us-east-1.console.aws.amazon.com/s3/home', 'other')).toBe('https://us-east-1.console.aws.amazon.com/s3/home');
    expect(() => consolePageDestination('https://console.amazonaws.cn/s3/home', 'other')).toThrow(ConsolePageError);
  });

  it.each([
    ['https://console.amazonaws-us-gov.com/ec2/home', 'aws'],
    ['https://us-west-2.console.aws.amazon.com/ec2/home', 'aws-us-gov'],
    ['https://console.amazonaws.cn/ec2/home', 'aws'],
    ['https://us-west-2.console.aws.amazon.com/ec2/home', 'aws-cn'],
  ] as const)('refuses %s for a sign-in in %s: OTHER_PARTITION', (page, partition) => {
    expect(() => consolePageDestination(page, partition)).toThrow(expect.objectContaining({ code: 'OTHER_PARTITION' }));
  });

  it.each([
    'http://us-west-2.console.aws.amazon.com/ec2/home',
    'https://us-west-2.console.aws.amazon.com:8443/ec2/home',
    'https://user:pw@console.aws.amazon.com/ec2/home',
    'https://signin.aws.amazon.com/federation',
    'https://console.aws.amazon.com.evil.test/ec2/home',
    'https://evilconsole.aws.amazon.com/ec2/home',
    'https://a.b.console.aws.amazon.com/ec2/home',
    'https://123456789012-x9abc7de.console.aws.amazon.com/ec2/home',
    'https://Not_A_Region.console.aws.amazon.com/ec2/home',
    'https://acme.duplocloud.net/app/user/tenants',
    'chrome://newtab/',
    'not a url',
  ])('refuses %s: NOT_A_CONSOLE_PAGE', (page) => {
    expect(() => consolePageDestination(page, 'aws')).toThrow(expect.objectContaining({ name: 'ConsolePageError', code: 'NOT_A_CONSOLE_PAGE' }));
    expect(isConsolePage(page)).toBe(false);
  });

  it('names only the host in its error, never the path or query', () => {
    const error = (() => {
      try {
        consolePageDestination('https://evil.test/secret-bucket?SigninToken=abc', 'aws');
      } catch (caught) {
        return caught as Error;
      }
    })();
    expect(error?.message).toBe('NOT_A_CONSOLE_PAGE: evil.test is not an AWS console host');
  });
});

describe('readConsolePage', () => {
  it('reads the service and the region from the query, else the host', () => {
    expect(readConsolePage('https://eu-west-1.console.aws.amazon.com/ec2/home')).toMatchObject({ service: 'ec2', region: 'eu-west-1' });
    expect(readConsolePage('https://s3.console.aws.amazon.com/s3/buckets?region=ap-south-1')).toMatchObject({ service: 's3', region: 'ap-south-1' });
    expect(readConsolePage('https://console.aws.amazon.com/')).toMatchObject({ service: '', region: '' });
  });
});

describe('withPageDestination', () => {
  const login = 'https://signin.aws.amazon.com/federation?Action=login&Issuer=https%3A%2F%2Fp&Destination=x&SigninToken=t%2Bk';

  it('replaces only the Destination, leaving the token byte for byte', () => {
    const page = 'https://123456789012-ab1.us-west-2.console.aws.amazon.com/ec2/home?region=us-west-2#Instances:';
    const expected = `https://signin.aws.amazon.com/federation?Action=login&Issuer=https%3A%2F%2Fp&Destination=${encodeURIComponent('https://us-west-2.console.aws.amazon.com/ec2/home?region=us-west-2#Instances:')}&SigninToken=t%2Bk`;
    expect(withPageDestination(login, page)).toBe(expected);
  });

  it('keeps the multi-session host when the same identity signs in again (a renewal)', () => {
    const page = 'https://123456789012-ab1.us-west-2.console.aws.amazon.com/ec2/home?region=us-west-2#Instances:';
    expect(new URL(withPageDestination(login, page, true)).searchParams.get('Destination')).toBe(page);
  });

  it('refuses a GovCloud page for a commercial sign-in', () => {
    expect(() => withPageDestination(login, 'https://console.amazonaws-us-gov.com/ec2/home')).toThrow(expect.objectContaining({ code: 'OTHER_PARTITION' }));
  });
});

describe('pageOnSessionHost', () => {
  const other = '222222222222-bbbb.us-east-1.console.aws.amazon.com';

  it("moves a page onto another identity's live session host, the region carried in the query", () => {
    const page = 'https://111111111111-aaaa.us-west-2.console.aws.amazon.com/ec2/home?region=us-west-2#Instances:';
    expect(pageOnSessionHost(page, other)).toBe(`https://${other}/ec2/home?region=us-west-2#Instances:`);
    expect(pageOnSessionHost('https://eu-west-1.console.aws.amazon.com/lambda/home#/functions', other)).toBe(`https://${other}/lambda/home?region=eu-west-1#/functions`);
  });

  it('refuses a page of another partition, and a page that is not the console', () => {
    expect(() => pageOnSessionHost('https://console.amazonaws-us-gov.com/ec2/home', other)).toThrow(expect.objectContaining({ code: 'OTHER_PARTITION' }));
    expect(() => pageOnSessionHost('https://evil.test/ec2/home', other)).toThrow(expect.objectContaining({ code: 'NOT_A_CONSOLE_PAGE' }));
  });
});
