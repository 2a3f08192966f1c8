import { describe, expect, it } from 'vitest';
import { copyFormatLabels, copyFormats, formatCredentials } from './copy-formats';
import type { AwsCredentials } from './credentials';

const creds: AwsCredentials = {
  accessKeyId: 'ASIAEXAMPLEKEY123456',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  sessionToken: 'IQoJb3JpZ2luX2VjEXAMPLE+token/with=padding==',
  region: 'us-west-2',
};

// $ ' " \ % ` ! & and a %PATH% that cmd would expand.
const nastySecret = 'wJa$l\'r"X\\U%t`K!7&M%PATH%z';
const nasty: AwsCredentials = { accessKeyId: 'ASIAEXAMPLEKEY123456', secretAccessKey: nastySecret, region: 'eu-central-1' };

describe('copyFormatLabels', () => {
  it('names every format for the menus', () => {
    expect(copyFormats.map((format) => copyFormatLabels[format])).toEqual([
      'bash / zsh',
      'fish',
      'PowerShell',
      'Windows cmd',
      '~/.aws/credentials',
      'JSON',
    ]);
  });
});

describe('formatCredentials with ordinary keys', () => {
  it.each([
    [
      'bash',
      "export AWS_ACCESS_KEY_ID='ASIAEXAMPLEKEY123456'\n" +
        "export AWS_SECRET_ACCESS_KEY='wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'\n" +
        "export AWS_SESSION_TOKEN='IQoJb3JpZ2luX2VjEXAMPLE+token/with=padding=='\n" +
        "export AWS_REGION='us-west-2'\n" +
        "export AWS_DEFAULT_REGION='us-west-2'\n",
    ],
    [
      'fish',
      "set -gx AWS_ACCESS_KEY_ID 'ASIAEXAMPLEKEY123456'\n" +
        "set -gx AWS_SECRET_ACCESS_KEY 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'\n" +
        "set -gx AWS_SESSION_TOKEN 'IQoJb3JpZ2luX2VjEXAMPLE+token/with=padding=='\n" +
        "set -gx AWS_REGION 'us-west-2'\n" +
        "set -gx AWS_DEFAULT_REGION 'us-west-2'\n",
    ],
    [
      'powershell',
      "$Env:AWS_ACCESS_KEY_ID = 'ASIAEXAMPLEKEY123456'\n" +
        "$Env:AWS_SECRET_ACCESS_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'\n" +
        "$Env:AWS_SESSION_TOKEN = 'IQoJb3JpZ2luX2VjEXAMPLE+token/with=padding=='\n" +
        "$Env:AWS_REGION = 'us-west-2'\n" +
        "$Env:AWS_DEFAULT_REGION = 'us-west-2'\n",
    ],
    [
      'cmd',
      'set AWS_ACCESS_KEY_ID=ASIAEXAMPLEKEY123456\n' +
        'set AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n' +
        'set AWS_SESSION_TOKEN=IQoJb3JpZ2luX2VjEXAMPLE+token/with=padding==\n' +
        'set AWS_REGION=us-west-2\n' +
        'set AWS_DEFAULT_REGION=us-west-2\n',
    ],
    [
      'credentials-file',
      '[default]\n' +
        'aws_access_key_id = ASIAEXAMPLEKEY123456\n' +
        'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n' +
        'aws_session_token = IQoJb3JpZ2luX2VjEXAMPLE+token/with=padding==\n' +
        'region = us-west-2\n',
    ],
    [
      'json',
      '{\n' +
        '  "AWS_ACCESS_KEY_ID": "ASIAEXAMPLEKEY123456",\n' +
        '  "AWS_SECRET_ACCESS_KEY": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",\n' +
        '  "AWS_SESSION_TOKEN": "IQoJb3JpZ2luX2VjEXAMPLE+token/with=padding==",\n' +
        '  "AWS_REGION": "us-west-2",\n' +
        '  "AWS_DEFAULT_REGION": "us-west-2"\n' +
        '}\n',
    ],
  ] as const)('%s', (format, expected) => {
    expect(formatCredentials(format, creds)).toBe(expected);
  });
});

describe('formatCredentials with a secret full of shell syntax and no session token', () => {
  it.each([
    [
      'bash',
      "export AWS_ACCESS_KEY_ID='ASIAEXAMPLEKEY123456'\n" +
        "export AWS_SECRET_ACCESS_KEY='wJa$l'\\''r\"X\\U%t`K!7&M%PATH%z'\n" +
        "export AWS_REGION='eu-central-1'\n" +
        "export AWS_DEFAULT_REGION='eu-central-1'\n",
    ],
    [
      'fish',
      "set -gx AWS_ACCESS_KEY_ID 'ASIAEXAMPLEKEY123456'\n" +
        "set -gx AWS_SECRET_ACCESS_KEY 'wJa$l\\'r\"X\\\\U%t`K!7&M%PATH%z'\n" +
        "set -gx AWS_REGION 'eu-central-1'\n" +
        "set -gx AWS_DEFAULT_REGION 'eu-central-1'\n",
    ],
    [
      'powershell',
      "$Env:AWS_ACCESS_KEY_ID = 'ASIAEXAMPLEKEY123456'\n" +
        "$Env:AWS_SECRET_ACCESS_KEY = 'wJa$l''r\"X\\U%t`K!7&M%PATH%z'\n" +
        "$Env:AWS_REGION = 'eu-central-1'\n" +
        "$Env:AWS_DEFAULT_REGION = 'eu-central-1'\n",
    ],
    [
      'cmd',
      'set AWS_ACCESS_KEY_ID=ASIAEXAMPLEKEY123456\n' +
        'set AWS_SECRET_ACCESS_KEY=wJa$l\'r^"X\\U%^t`K!7^&M%^PATH%^z\n' +
        'set AWS_REGION=eu-central-1\n' +
        'set AWS_DEFAULT_REGION=eu-central-1\n',
    ],
    [
      'credentials-file',
      '[default]\n' +
        'aws_access_key_id = ASIAEXAMPLEKEY123456\n' +
        'aws_secret_access_key = wJa$l\'r"X\\U%t`K!7&M%PATH%z\n' +
        'region = eu-central-1\n',
    ],
    [
      'json',
      '{\n' +
        '  "AWS_ACCESS_KEY_ID": "ASIAEXAMPLEKEY123456",\n' +
        '  "AWS_SECRET_ACCESS_KEY": "wJa$l\'r\\"X\\\\U%t`K!7&M%PATH%z",\n' +
        '  "AWS_REGION": "eu-central-1",\n' +
        '  "AWS_DEFAULT_REGION": "eu-central-1"\n' +
        '}\n',
    ],
  ] as const)('%s', (format, expected) => {
    expect(formatCredentials(format, nasty)).toBe(expected);
  });

  it('takes an empty session token as none', () => {
    expect(formatCredentials('bash', { ...nasty, sessionToken: '' })).toBe(formatCredentials('bash', nasty));
    expect(formatCredentials('credentials-file', { ...nasty, sessionToken: '' })).toBe(formatCredentials('credentials-file', nasty));
  });

  it('leaves the region out when the portal sent none, so the profile or shell keeps its own', () => {
    const noRegion = { ...creds, region: '' };
    expect(formatCredentials('cmd', noRegion)).toBe(
      'set AWS_ACCESS_KEY_ID=ASIAEXAMPLEKEY123456\n' +
        'set AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n' +
        'set AWS_SESSION_TOKEN=IQoJb3JpZ2luX2VjEXAMPLE+token/with=padding==\n',
    );
    expect(formatCredentials('credentials-file', noRegion)).toBe(
      '[default]\n' +
        'aws_access_key_id = ASIAEXAMPLEKEY123456\n' +
        'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n' +
        'aws_session_token = IQoJb3JpZ2luX2VjEXAMPLE+token/with=padding==\n',
    );
  });

  it('round-trips through JSON', () => {
    expect(JSON.parse(formatCredentials('json', nasty))).toEqual({
      AWS_ACCESS_KEY_ID: 'ASIAEXAMPLEKEY123456',
      AWS_SECRET_ACCESS_KEY: nastySecret,
      AWS_REGION: 'eu-central-1',
      AWS_DEFAULT_REGION: 'eu-central-1',
    });
  });
});
