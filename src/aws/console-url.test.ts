import { describe, expect, it } from 'vitest';
import { consoleDestination, withDestination, withLogout } from './console-url';
import { AwsFormatError } from './errors';

const token = 'AbC-dEf_123%2B456%2F789%3D%3D~';
const issuer = 'https%3A%2F%2Facme.duplocloud.net';
const awsLogin =
  'https://signin.aws.amazon.com/federation?Action=login&Issuer=' +
  issuer +
  '&Destination=https%3A%2F%2Fus-west-2.console.aws.amazon.com%2Fconsole%2Fhome%3Fregion%3Dus-west-2' +
  `&SigninToken=${token}`;
const demoLogin = `http://127.0.0.1:8480/federation?Action=login&Destination=x&SigninToken=${token}`;

describe('consoleDestination', () => {
  it.each([
    ['aws', { region: 'us-east-1' }, 'https://us-east-1.console.aws.amazon.com/console/home?region=us-east-1'],
    ['aws', { region: 'eu-west-1', service: 'ec2' }, 'https://eu-west-1.console.aws.amazon.com/ec2/home?region=eu-west-1'],
    ['other', { region: 'us-east-2', service: 's3' }, 'https://us-east-2.console.aws.amazon.com/s3/home?region=us-east-2'],
    ['aws-us-gov', { region: 'us-gov-west-1', service: 'cloudwatch' }, 'https://console.amazonaws-us-gov.com/cloudwatch/home?region=us-gov-west-1'],
    ['aws-cn', { region: 'cn-north-1' }, 'https://console.amazonaws.cn/console/home?region=cn-north-1'],
    // A portal may send credentials without a region: each partition's home region then.
    ['aws', { region: '' }, 'https://us-east-1.console.aws.amazon.com/console/home?region=us-east-1'],
    ['other', { region: '', service: 's3' }, 'https://us-east-1.console.aws.amazon.com/s3/home?region=us-east-1'],
    ['aws-us-gov', { region: '' }, 'https://console.amazonaws-us-gov.com/console/home?region=us-gov-west-1'],
    ['aws-cn', { region: '' }, 'https://console.amazonaws.cn/console/home?region=cn-north-1'],
  ] as const)('%s %j', (partition, target, url) => {
    expect(consoleDestination(partition, target)).toBe(url);
  });

  it.each([
    [{ region: 'us-east-1&x=y' }, '"us-east-1&x=y" is not an AWS region name like us-east-1'],
    [{ region: 'us-east-1', service: '../iam' }, '"../iam" is not a console service name like ec2'],
    [{ region: 'us-east-1', service: 'EC2' }, '"EC2" is not a console service name like ec2'],
    [{ region: 'us-east-1', service: '' }, '"" is not a console service name like ec2'],
  ])('refuses %j', (target, detail) => {
    expect(() => consoleDestination('aws', target)).toThrow(new AwsFormatError('BAD_DESTINATION', detail));
  });
});

describe('withDestination', () => {
  it('replaces only the Destination, keeping every other parameter as it was sent', () => {
    expect(withDestination(awsLogin, { region: 'eu-central-1', service: 'ec2' })).toBe(
      'https://signin.aws.amazon.com/federation?Action=login&Issuer=' +
        issuer +
        '&Destination=https%3A%2F%2Feu-central-1.console.aws.amazon.com%2Fec2%2Fhome%3Fregion%3Deu-central-1' +
        `&SigninToken=${token}`,
    );
  });

  it('points GovCloud and China sign-ins at their own consoles', () => {
    const gov = `https://signin.amazonaws-us-gov.com/federation?Action=login&Destination=x&SigninToken=${token}`;
    expect(withDestination(gov, { region: 'us-gov-east-1' })).toBe(
      'https://signin.amazonaws-us-gov.com/federation?Action=login' +
        `&Destination=https%3A%2F%2Fconsole.amazonaws-us-gov.com%2Fconsole%2Fhome%3Fregion%3Dus-gov-east-1&SigninToken=${token}`,
    );
    const cn = `https://signin.amazonaws.cn/federation?Action=login&Destination=x&SigninToken=${token}`;
    expect(withDestination(cn, { region: 'cn-north-1', service: 's3' })).toBe(
      'https://signin.amazonaws.cn/federation?Action=login' +
        `&Destination=https%3A%2F%2Fconsole.amazonaws.cn%2Fs3%2Fhome%3Fregion%3Dcn-north-1&SigninToken=${token}`,
    );
  });

  it('keeps working on a sign-in page that is not AWS, such as the demo portal', () => {
    expect(withDestination(demoLogin, { region: 'us-west-2', service: 'iam' })).toBe(
      'http://127.0.0.1:8480/federation?Action=login' +
        `&Destination=https%3A%2F%2Fus-west-2.console.aws.amazon.com%2Fiam%2Fhome%3Fregion%3Dus-west-2&SigninToken=${token}`,
    );
  });

  it('adds a missing Destination at the end and drops repeated ones', () => {
    const bare = `https://signin.aws.amazon.com/federation?Action=login&SigninToken=${token}`;
    expect(withDestination(bare, { region: 'us-east-1' })).toBe(
      `${bare}&Destination=https%3A%2F%2Fus-east-1.console.aws.amazon.com%2Fconsole%2Fhome%3Fregion%3Dus-east-1`,
    );
    const twice = `https://signin.aws.amazon.com/federation?Destination=a&Action=login&Destination=b&SigninToken=${token}`;
    expect(withDestination(twice, { region: 'us-east-1' })).toBe(
      'https://signin.aws.amazon.com/federation?Destination=https%3A%2F%2Fus-east-1.console.aws.amazon.com%2Fconsole%2Fhome%3Fregion%3Dus-east-1' +
        `&Action=login&SigninToken=${token}`,
    );
  });

  it('refuses a bad destination', () => {
    expect(() => withDestination(awsLogin, { region: 'mars-1' })).toThrow(
      new AwsFormatError('BAD_DESTINATION', '"mars-1" is not an AWS region name like us-east-1'),
    );
  });
});

describe('withLogout', () => {
  it.each([
    [awsLogin, 'https://us-east-1.signin.aws.amazon.com/oauth?Action=logout&redirect_uri='],
    [awsLogin.replace('//signin.', '//eu-west-1.signin.'), 'https://us-east-1.signin.aws.amazon.com/oauth?Action=logout&redirect_uri='],
    [
      `https://signin.amazonaws-us-gov.com/federation?Action=login&SigninToken=${token}`,
      'https://signin.amazonaws-us-gov.com/oauth?Action=logout&redirect_uri=',
    ],
    [`https://signin.amazonaws.cn/federation?Action=login&SigninToken=${token}`, 'https://signin.amazonaws.cn/oauth?Action=logout&redirect_uri='],
    [demoLogin, 'http://127.0.0.1:8480/oauth?Action=logout&redirect_uri='],
  ])('wraps %s in its partition logout, and the login comes back out unchanged', (login, prefix) => {
    const wrapped = withLogout(login);
    expect(wrapped).toBe(prefix + encodeURIComponent(login));
    expect(new URL(wrapped).searchParams.get('redirect_uri')).toBe(login);
  });

  it('wraps a login whose destination was changed', () => {
    const login = withDestination(awsLogin, { region: 'ap-south-1', service: 'lambda' });
    expect(new URL(withLogout(login)).searchParams.get('redirect_uri')).toBe(login);
  });
});

describe('login URL checks', () => {
  it.each([
    ['not a url', 'it does not parse as a URL'],
    ['', 'it does not parse as a URL'],
    [`http://signin.aws.amazon.com/federation?Action=login&SigninToken=${token}`, 'it is not https and not on this machine'],
    [`http://127.0.0.1.evil.test/federation?Action=login&SigninToken=${token}`, 'it is not https and not on this machine'],
    [`javascript:alert(1)//?Action=login&SigninToken=${token}`, 'it is not https and not on this machine'],
    [`https://signin.aws.amazon.com/federation?Action=getSigninToken&SigninToken=${token}`, 'its Action is not login'],
    [`https://signin.aws.amazon.com/federation?SigninToken=${token}`, 'its Action is not login'],
    ['https://signin.aws.amazon.com/federation?Action=login&Destination=x', 'it has no SigninToken'],
    ['https://signin.aws.amazon.com/federation?Action=login&SigninToken=', 'it has no SigninToken'],
  ])('refuses %j without repeating it', (url, reason) => {
    const error = new AwsFormatError('NOT_A_LOGIN_URL', `not a federation login URL: ${reason}`);
    expect(() => withDestination(url, { region: 'us-east-1' })).toThrow(error);
    expect(() => withLogout(url)).toThrow(error);
  });

  it.each(['http://localhost:8480', 'http://[::1]:8480', 'https://portal.example.test'])('accepts a login page on %s', (origin) => {
    const login = `${origin}/federation?Action=login&SigninToken=${token}`;
    expect(withLogout(login)).toBe(`${origin}/oauth?Action=logout&redirect_uri=${encodeURIComponent(login)}`);
  });
});
