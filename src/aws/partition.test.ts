import { describe, expect, it } from 'vitest';
import { consoleOrigin, isAwsRegion, logoutOrigin, partitionOfHost, signinOrigin } from './partition';

describe('partitionOfHost', () => {
  it.each([
    ['signin.aws.amazon.com', 'aws'],
    ['us-east-1.signin.aws.amazon.com', 'aws'],
    ['eu-central-1.signin.aws.amazon.com', 'aws'],
    ['SIGNIN.AWS.AMAZON.COM', 'aws'],
    ['signin.amazonaws-us-gov.com', 'aws-us-gov'],
    ['us-gov-west-1.signin.amazonaws-us-gov.com', 'aws-us-gov'],
    ['signin.amazonaws.cn', 'aws-cn'],
    ['cn-northwest-1.signin.amazonaws.cn', 'aws-cn'],
    ['127.0.0.1', 'other'],
    ['localhost', 'other'],
    ['acme.duplocloud.net', 'other'],
    ['evil.signin.aws.amazon.com', 'other'],
    ['a.b.signin.aws.amazon.com', 'other'],
    ['.signin.aws.amazon.com', 'other'],
    ['signin.aws.amazon.com.evil.test', 'other'],
    ['evilsignin.aws.amazon.com', 'other'],
    ['console.aws.amazon.com', 'other'],
    ['', 'other'],
  ])('%j is %s', (host, partition) => {
    expect(partitionOfHost(host)).toBe(partition);
  });
});

describe('isAwsRegion', () => {
  it.each(['us-east-1', 'us-gov-west-1', 'cn-north-1', 'ap-southeast-5', 'us-iso-east-1'])('accepts %s', (region) => {
    expect(isAwsRegion(region)).toBe(true);
  });

  it.each(['', 'us-east', 'US-EAST-1', 'us-east-1 ', 'us_east_1', 'useast1', 'us-east-1/x', 'x.us-east-1'])('refuses %j', (region) => {
    expect(isAwsRegion(region)).toBe(false);
  });
});

describe('partition hosts', () => {
  it('has the sign-in, logout and console host of each partition', () => {
    expect([signinOrigin('aws'), logoutOrigin('aws'), consoleOrigin('aws', 'eu-west-1')]).toEqual([
      'https://signin.aws.amazon.com',
      'https://us-east-1.signin.aws.amazon.com',
      'https://eu-west-1.console.aws.amazon.com',
    ]);
    expect([signinOrigin('aws-us-gov'), logoutOrigin('aws-us-gov'), consoleOrigin('aws-us-gov', 'us-gov-east-1')]).toEqual([
      'https://signin.amazonaws-us-gov.com',
      'https://signin.amazonaws-us-gov.com',
      'https://console.amazonaws-us-gov.com',
    ]);
    expect([signinOrigin('aws-cn'), logoutOrigin('aws-cn'), consoleOrigin('aws-cn', 'cn-north-1')]).toEqual([
      'https://signin.amazonaws.cn',
      'https://signin.amazonaws.cn',
      'https://console.amazonaws.cn',
    ]);
    expect(consoleOrigin('other', 'us-east-2')).toBe('https://us-east-2.console.aws.amazon.com');
  });
});
