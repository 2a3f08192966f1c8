import { describe, expect, it } from 'vitest';
import { normalizePortalHost } from './portal-host';
import { PortalError } from './errors';

function codeOf(input: string): string {
  try {
    normalizePortalHost(input);
  } catch (error) {
    if (error instanceof PortalError) return `${error.code}: ${error.details.detail}`;
  }
  return 'accepted';
}

describe('normalizePortalHost', () => {
  it('keeps https origins and trims trailing slashes and spaces', () => {
    expect(normalizePortalHost(' https://acme.duplocloud.net/ ')).toBe('https://acme.duplocloud.net');
    expect(normalizePortalHost('https://acme.duplocloud.net//')).toBe('https://acme.duplocloud.net');
    expect(normalizePortalHost('https://ACME.duplocloud.net:8443')).toBe('https://acme.duplocloud.net:8443');
  });

  it('allows plain http only on loopback', () => {
    expect(normalizePortalHost('http://127.0.0.1:8480/')).toBe('http://127.0.0.1:8480');
    expect(normalizePortalHost('http://localhost:8480')).toBe('http://localhost:8480');
    expect(normalizePortalHost('http://[::1]:8480')).toBe('http://[::1]:8480');
    expect(codeOf('http://acme.duplocloud.net')).toBe(
      'INSECURE_HOST: http://acme.duplocloud.net is not https; use https://acme.duplocloud.net',
    );
    expect(codeOf('http://127.0.0.1.evil.test')).toMatch(/^INSECURE_HOST/);
  });

  it('rejects what is not a bare origin, naming the problem', () => {
    expect(codeOf('acme.duplocloud.net')).toBe('INVALID_HOST: "acme.duplocloud.net" is not a URL; expected https://NAME.duplocloud.net');
    expect(codeOf('https://acme.duplocloud.net/app/home')).toBe('INVALID_HOST: expected only scheme and host, like https://acme.duplocloud.net');
    expect(codeOf('https://user:pw@acme.duplocloud.net')).toBe('INVALID_HOST: a portal host may not carry a user name or password');
    expect(codeOf('ftp://acme.duplocloud.net')).toBe('INVALID_HOST: unsupported scheme ftp: in acme.duplocloud.net');
  });
});
