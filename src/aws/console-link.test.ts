import { describe, expect, it } from 'vitest';
import { describePortalError } from '../duplo/describe-error';
import { PortalError } from '../duplo/errors';
import { checkConsoleLink } from './console-link';

const portal = 'https://acme.duplocloud.net';
const login = '/federation?Action=login&SigninToken=secret-token';
const refusal = (link: string, from = portal): unknown => {
  try {
    checkConsoleLink(link, from);
    return 'accepted';
  } catch (error) {
    return error instanceof PortalError ? [error.code, error.details.detail] : error;
  }
};

describe('checkConsoleLink', () => {
  it.each([
    'https://signin.aws.amazon.com',
    'https://us-east-1.signin.aws.amazon.com',
    'https://eu-central-1.signin.aws.amazon.com',
    'https://signin.amazonaws-us-gov.com',
    'https://us-gov-west-1.signin.amazonaws-us-gov.com',
    'https://signin.amazonaws.cn',
    'https://cn-north-1.signin.amazonaws.cn',
  ])('opens a link to %s', (origin) => {
    expect(refusal(`${origin}${login}`)).toBe('accepted');
  });

  it.each([
    ['https://evil.duplocloud.net', 'evil.duplocloud.net'],
    ['https://acme.duplocloud.net', 'acme.duplocloud.net'],
    ['https://signin.aws.amazon.com.evil.test', 'signin.aws.amazon.com.evil.test'],
    ['https://evil.signin.aws.amazon.com', 'evil.signin.aws.amazon.com'],
    ['https://console.aws.amazon.com', 'console.aws.amazon.com'],
    ['https://signin.aws.amazon.com:8443', 'signin.aws.amazon.com:8443'],
    ['https://user@signin.aws.amazon.com', 'signin.aws.amazon.com'],
    ['http://signin.aws.amazon.com', 'http://signin.aws.amazon.com'],
    ['http://127.0.0.1:8480', 'http://127.0.0.1:8480'],
  ])('refuses a link to %s, naming %s', (origin, host) => {
    expect(refusal(`${origin}${login}`)).toEqual(['CONSOLE_HOST_REFUSED', host]);
  });

  it('lets a portal on this machine (the demo portal) point at itself, and nowhere else on it', () => {
    expect(refusal(`http://127.0.0.1:8480${login}`, 'http://127.0.0.1:8480')).toBe('accepted');
    expect(refusal(`http://127.0.0.1:9999${login}`, 'http://127.0.0.1:8480')).toEqual(['CONSOLE_HOST_REFUSED', 'http://127.0.0.1:9999']);
    expect(refusal(`http://localhost:8480${login}`, 'http://127.0.0.1:8480')).toEqual(['CONSOLE_HOST_REFUSED', 'http://localhost:8480']);
  });

  it('says which host was refused and which are allowed, never the link', () => {
    const error = new PortalError('CONSOLE_HOST_REFUSED', { detail: 'evil.example' });
    expect(describePortalError(error, 'acme.duplocloud.net')).toBe(
      'acme.duplocloud.net sent a console link to evil.example, which is not an AWS sign-in host (signin.aws.amazon.com, signin.amazonaws-us-gov.com, signin.amazonaws.cn, or one of their regional forms over https), so it was not opened. Tell your DuploCloud administrator; if acme.duplocloud.net is not your portal, remove it in the extension\'s options.',
    );
    expect(refusal('not a url')).toEqual(['BAD_RESPONSE', 'its console link is not a URL']);
  });
});
