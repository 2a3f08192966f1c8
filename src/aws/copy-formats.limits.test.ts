import { describe, expect, it } from 'vitest';
import { formatCredentials } from './copy-formats';
import type { AwsCredentials } from './credentials';
import { AwsFormatError } from './errors';

const creds: AwsCredentials = {
  accessKeyId: 'ASIAEXAMPLEKEY123456',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  sessionToken: 'IQoJb3JpZ2luX2VjEXAMPLE+token/with=padding==',
  region: 'us-west-2',
};

describe('formatCredentials: the credentials file', () => {
  it('names the profile it is given', () => {
    expect(formatCredentials('credentials-file', creds, { profile: 'duplo acme-dev' }).split('\n')[0]).toBe('[duplo acme-dev]');
  });

  it.each(['', ' dev', 'dev ', 'a[b', 'a]b', 'dev\nregion = x', 'a\tb'])('refuses the profile name %j', (profile) => {
    expect(() => formatCredentials('credentials-file', creds, { profile })).toThrow(
      new AwsFormatError(
        'BAD_PROFILE',
        'a profile name must be non-empty, without surrounding spaces, brackets, line breaks or control characters',
      ),
    );
  });

  it.each([
    ['secret\nregion = x', 'contains a line break or control character'],
    ['secret\r', 'contains a line break or control character'],
    [' secret', 'starts or ends with a space'],
    ['secret ', 'starts or ends with a space'],
    ['#secret', 'has a # or ; that a reader would take for a comment'],
    ['sec ;ret', 'has a # or ; that a reader would take for a comment'],
  ])('refuses a secret %j, naming the key and not the value', (secretAccessKey, problem) => {
    expect(() => formatCredentials('credentials-file', { ...creds, secretAccessKey })).toThrow(
      new AwsFormatError('UNREPRESENTABLE', `the value of aws_secret_access_key ${problem}, which the credentials file cannot hold`),
    );
  });

  it('keeps # and ; that no reader takes for a comment', () => {
    expect(formatCredentials('credentials-file', { ...creds, secretAccessKey: 'a#b;c' }).split('\n')[2]).toBe(
      'aws_secret_access_key = a#b;c',
    );
  });
});

describe('formatCredentials: Windows cmd', () => {
  it.each([
    ['AWS_SECRET_ACCESS_KEY', { secretAccessKey: 'secret\nnext' }, 'contains a line break or control character'],
    ['AWS_SESSION_TOKEN', { sessionToken: 'token\r' }, 'contains a line break or control character'],
    ['AWS_ACCESS_KEY_ID', { accessKeyId: 'key\u001b[2J' }, 'contains a line break or control character'],
    ['AWS_ACCESS_KEY_ID', { accessKeyId: '' }, 'is empty'],
  ])('refuses %s, naming it and not the value', (name, change, problem) => {
    expect(() => formatCredentials('cmd', { ...creds, ...change })).toThrow(
      new AwsFormatError('UNREPRESENTABLE', `the value of ${name} ${problem}, which Windows cmd cannot hold`),
    );
  });
});

describe('formatCredentials: shells that can hold any text', () => {
  it.each(['bash', 'fish', 'powershell', 'json'] as const)('%s accepts line breaks and control characters', (format) => {
    expect(() => formatCredentials(format, { ...creds, secretAccessKey: 'a\nb\r\tc\u001b' })).not.toThrow();
  });
});
