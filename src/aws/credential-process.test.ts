import { describe, expect, it } from 'vitest';
import { remainingSeconds, toCredentialProcess } from './credential-process';

const issuedAt = new Date('2026-11-23T20:00:00.000Z');
const portal = 'https://acme.duplocloud.net';
const keys = {
  AccessKeyId: 'ASIAEXAMPLEKEY123456',
  SecretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  Region: 'us-west-2',
};

describe('toCredentialProcess', () => {
  it('prints every field in the fixed order, expiring Validity seconds after issue', () => {
    const output = toCredentialProcess(
      {
        Validity: 1800,
        ConsoleUrl: 'https://signin.aws.amazon.com/federation?Action=login&SigninToken=t',
        SessionToken: 'IQoJb3JpZ2luX2VjEXAMPLE',
        ...keys,
      },
      issuedAt,
      portal,
    );
    expect(JSON.stringify(output, null, 2)).toBe(
      [
        '{',
        '  "Version": 1,',
        '  "AccessKeyId": "ASIAEXAMPLEKEY123456",',
        '  "SecretAccessKey": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",',
        '  "SessionToken": "IQoJb3JpZ2luX2VjEXAMPLE",',
        '  "Region": "us-west-2",',
        '  "ConsoleUrl": "https://signin.aws.amazon.com/federation?Action=login&SigninToken=t",',
        '  "Expiration": "2026-11-23T20:30:00Z"',
        '}',
      ].join('\n'),
    );
  });

  it("leaves out a console link that does not lead to AWS's sign-in, which a program might open", () => {
    for (const ConsoleUrl of ['https://evil.test/federation?SigninToken=t', 'http://signin.aws.amazon.com/federation', 'not a url', 'http://127.0.0.1:4000/federation']) {
      expect(toCredentialProcess({ ...keys, ConsoleUrl }, issuedAt, portal)).not.toHaveProperty('ConsoleUrl');
    }
    // The demo portal on this machine stands in for AWS's sign-in page at its own origin.
    expect(toCredentialProcess({ ...keys, ConsoleUrl: 'http://127.0.0.1:4000/federation?x=1' }, issuedAt, 'http://127.0.0.1:4000').ConsoleUrl).toBe('http://127.0.0.1:4000/federation?x=1');
  });

  it('leaves out a session token and console URL that are missing, null or empty', () => {
    const expected =
      '{"Version":1,"AccessKeyId":"ASIAEXAMPLEKEY123456","SecretAccessKey":"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",' +
      '"Region":"us-west-2","Expiration":"2026-11-23T21:00:00Z"}';
    expect(JSON.stringify(toCredentialProcess(keys, issuedAt, portal))).toBe(expected);
    expect(JSON.stringify(toCredentialProcess({ ...keys, SessionToken: null, ConsoleUrl: null }, issuedAt, portal))).toBe(expected);
    expect(JSON.stringify(toCredentialProcess({ ...keys, SessionToken: '', ConsoleUrl: '' }, issuedAt, portal))).toBe(expected);
  });

  it.each([
    ['missing', undefined],
    ['null', null],
    ['zero', 0],
    ['negative', -60],
    ['NaN', Number.NaN],
    ['infinite', Number.POSITIVE_INFINITY],
  ])('takes a %s Validity as one hour', (_label, Validity) => {
    expect(toCredentialProcess({ ...keys, Validity }, issuedAt, portal).Expiration).toBe('2026-11-23T21:00:00Z');
  });

  it('drops milliseconds by rounding down', () => {
    expect(toCredentialProcess({ ...keys, Validity: 60.9 }, new Date('2026-11-23T20:00:00.999Z'), portal).Expiration).toBe(
      '2026-11-23T20:01:01Z',
    );
    expect(toCredentialProcess({ ...keys, Validity: 43200 }, new Date('2026-12-31T23:59:59.500Z'), portal).Expiration).toBe(
      '2027-01-01T11:59:59Z',
    );
  });

  it('caps an impossible Validity at the 12 hours STS allows', () => {
    expect(toCredentialProcess({ ...keys, Validity: 1e300 }, issuedAt, portal).Expiration).toBe('2026-11-24T08:00:00Z');
  });
});

describe('remainingSeconds', () => {
  const now = new Date('2026-11-23T20:00:00.000Z');

  it('counts whole seconds until the expiration', () => {
    expect(remainingSeconds('2026-11-23T21:00:00Z', now)).toBe(3600);
    expect(remainingSeconds('2026-11-23T20:15:00Z', new Date('2026-11-23T20:00:00.400Z'))).toBe(899);
    expect(remainingSeconds('2026-11-23T20:00:00Z', now)).toBe(0);
  });

  it('never goes below zero, and counts an unreadable expiration as expired', () => {
    expect(remainingSeconds('2026-11-23T19:00:00Z', now)).toBe(0);
    expect(remainingSeconds('soon', now)).toBe(0);
    expect(remainingSeconds('', now)).toBe(0);
  });
});
