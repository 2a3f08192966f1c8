import { describe, expect, it } from 'vitest';
import { AwsFormatError } from './errors';
import { loginUrlFromSigninToken, signinTokenRequestUrl } from './signin-url';

const creds = {
  accessKeyId: 'ASIAEXAMPLEKEY123456',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPx"RfiCYEXAMPLEKEY',
  sessionToken: 'IQoJb3JpZ2luX2VjEXAMPLE+token/with=padding==',
  region: 'us-west-2',
};
const session =
  '%7B%22sessionId%22%3A%22ASIAEXAMPLEKEY123456%22%2C%22sessionKey%22%3A%22wJalrXUtnFEMI%2FK7MDENG%2FbPx%5C%22RfiCYEXAMPLEKEY%22' +
  '%2C%22sessionToken%22%3A%22IQoJb3JpZ2luX2VjEXAMPLE%2Btoken%2Fwith%3Dpadding%3D%3D%22%7D';

describe('signinTokenRequestUrl', () => {
  it.each([
    ['aws', 'https://signin.aws.amazon.com'],
    ['aws-us-gov', 'https://signin.amazonaws-us-gov.com'],
    ['aws-cn', 'https://signin.amazonaws.cn'],
  ] as const)('%s', (partition, origin) => {
    const url = signinTokenRequestUrl(creds, partition);
    expect(url).toBe(`${origin}/federation?Action=getSigninToken&Session=${session}`);
    expect(JSON.parse(new URL(url).searchParams.get('Session')!)).toEqual({
      sessionId: creds.accessKeyId,
      sessionKey: creds.secretAccessKey,
      sessionToken: creds.sessionToken,
    });
  });
});

describe('loginUrlFromSigninToken', () => {
  const signinToken = 'tok+en/with=chars';

  it.each([
    [
      'aws',
      { region: 'us-west-2' },
      'https://signin.aws.amazon.com/federation?Action=login&Issuer=https%3A%2F%2Facme.duplocloud.net' +
        '&Destination=https%3A%2F%2Fus-west-2.console.aws.amazon.com%2Fconsole%2Fhome%3Fregion%3Dus-west-2' +
        '&SigninToken=tok%2Ben%2Fwith%3Dchars',
    ],
    [
      'aws-us-gov',
      { region: 'us-gov-west-1', service: 'ec2' },
      'https://signin.amazonaws-us-gov.com/federation?Action=login&Issuer=https%3A%2F%2Facme.duplocloud.net' +
        '&Destination=https%3A%2F%2Fconsole.amazonaws-us-gov.com%2Fec2%2Fhome%3Fregion%3Dus-gov-west-1' +
        '&SigninToken=tok%2Ben%2Fwith%3Dchars',
    ],
    [
      'aws-cn',
      { region: 'cn-north-1', service: 's3' },
      'https://signin.amazonaws.cn/federation?Action=login&Issuer=https%3A%2F%2Facme.duplocloud.net' +
        '&Destination=https%3A%2F%2Fconsole.amazonaws.cn%2Fs3%2Fhome%3Fregion%3Dcn-north-1' +
        '&SigninToken=tok%2Ben%2Fwith%3Dchars',
    ],
  ] as const)('%s', (partition, destination, url) => {
    const login = loginUrlFromSigninToken(signinToken, { partition, issuer: 'https://acme.duplocloud.net', destination });
    expect(login).toBe(url);
    expect(new URL(login).searchParams.get('SigninToken')).toBe(signinToken);
  });

  it('refuses a bad destination', () => {
    expect(() =>
      loginUrlFromSigninToken(signinToken, { partition: 'aws', issuer: 'https://acme.duplocloud.net', destination: { region: 'x' } }),
    ).toThrow(new AwsFormatError('BAD_DESTINATION', '"x" is not an AWS region name like us-east-1'));
  });
});
