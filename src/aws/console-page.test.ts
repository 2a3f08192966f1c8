import { describe, expect, it } from 'vitest';
import { consolePageDestination, withDestinationPage } from './console-page';

describe('consolePageDestination', () => {
  it('keeps a console page, on its plain regional host when it was a multi-session one', () => {
    expect(consolePageDestination('https://us-east-1.console.aws.amazon.com/s3/buckets?region=us-east-1#x')).toBe('https://us-east-1.console.aws.amazon.com/s3/buckets?region=us-east-1#x');
    expect(consolePageDestination('https://123456789012-abcd1234.eu-west-1.console.aws.amazon.com/ec2/home?region=eu-west-1')).toBe(
      'https://eu-west-1.console.aws.amazon.com/ec2/home?region=eu-west-1',
    );
  });

  it('gives nothing for sign-in pages, other sites and what does not parse', () => {
    for (const page of ['https://signin.aws.amazon.com/federation', 'https://us-east-1.signin.aws.amazon.com/oauth', 'http://127.0.0.1:4000/federation', 'https://example.com/', 'nope']) {
      expect(consolePageDestination(page)).toBeUndefined();
    }
  });
});

describe('withDestinationPage', () => {
  it('replaces only Destination, leaving the SigninToken as sent', () => {
    const login = 'https://signin.aws.amazon.com/federation?Action=login&Issuer=x&Destination=https%3A%2F%2Fconsole.aws.amazon.com%2F&SigninToken=a%2Bb%3D';
    const page = 'https://us-east-1.console.aws.amazon.com/s3/buckets?region=us-east-1';
    expect(withDestinationPage(login, page)).toBe(`https://signin.aws.amazon.com/federation?Action=login&Issuer=x&SigninToken=a%2Bb%3D&Destination=${encodeURIComponent(page)}`);
  });
});
