import { PortalError } from './errors';

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function isLoopbackHost(hostname: string): boolean {
  return loopbackHosts.has(hostname);
}

/**
 * Turns what a user typed (`https://acme.duplocloud.net/`) into the origin every call is made
 * against. Only https is accepted, as the peers do, so a token never crosses the network in
 * the clear; loopback http is allowed because nothing leaves the machine (the demo portal).
 */
export function normalizePortalHost(input: string): string {
  const trimmed = input.trim().replace(/\/+$/, '');
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw new PortalError('INVALID_HOST', { detail: `"${trimmed}" is not a URL; expected https://NAME.duplocloud.net` });
  }
  if (url.username || url.password) {
    throw new PortalError('INVALID_HOST', { detail: 'a portal host may not carry a user name or password' });
  }
  const path = url.pathname.replace(/\/+$/, '');
  if (url.search || url.hash || path) {
    throw new PortalError('INVALID_HOST', { detail: `expected only scheme and host, like https://${url.host}` });
  }
  if (url.protocol === 'https:') return url.origin;
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return url.origin;
  if (url.protocol === 'http:') {
    throw new PortalError('INSECURE_HOST', { detail: `${url.origin} is not https; use https://${url.host}` });
  }
  throw new PortalError('INVALID_HOST', { detail: `unsupported scheme ${url.protocol} in ${url.host}` });
}
