import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { describePortalError } from '../../src/duplo/describe-error';
import { PortalError } from '../../src/duplo/errors';
import { createPortalClient, type PortalClientOptions } from '../../src/duplo/portal-client';
import { useRecordingServer } from '../support/recording-server';

/** The portal client (src/duplo) against a hostile server on loopback. */
type Handler = (request: IncomingMessage, response: ServerResponse) => void;
const token = 'TOKEN-must-never-leave-0123456789abcdef';
let handler: Handler = (_request, response) => response.end('{}');
const seen: IncomingMessage[] = [];
const server = createServer((request, response) => {
  seen.push(request);
  handler(request, response);
});
let url = '';
const thief = useRecordingServer();

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  seen.length = 0;
  thief.seen.length = 0;
});

const client = (extra: Partial<PortalClientOptions> = {}) => createPortalClient({ host: url, token, fetch, retries: 0, retryBaseMs: 1, timeoutMs: 2_000, ...extra });

/** The error a call failed with, checked to hold no token in anything a user or a log sees. */
async function failure(call: Promise<unknown>): Promise<PortalError> {
  const error = await call.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(PortalError);
  const portalError = error as PortalError;
  const shown = `${portalError.message} ${JSON.stringify(portalError.details)} ${describePortalError(portalError, url)}`;
  expect(shown).not.toContain(token);
  return portalError;
}

const goodFeatures = JSON.stringify({ IsOtpNeeded: false, IsAwsAdminJITEnabled: true, DefaultAwsAccount: '123456789012', DefaultAwsRegion: 'us-west-2', AwsRegions: [] });
/** The product still works after each attack: a good answer is read right after. */
async function stillWorks(): Promise<void> {
  handler = (_request, response) => response.writeHead(200, { 'content-type': 'application/json' }).end(goodFeatures);
  await expect(client().systemFeatures()).resolves.toMatchObject({ DefaultAwsAccount: '123456789012' });
}

describe('a hostile portal server', () => {
  const redirects = ['THIEF/steal', '//THIEFHOST/steal', 'http://localhost:PORT/same-port-other-host', 'https://127.0.0.1:PORT/other-scheme'];
  it.each(redirects)('redirecting to %s: refused, the token never follows', async (location) => {
    const thiefHost = new URL(thief.url).host;
    const target = location.replace('THIEFHOST', thiefHost).replace('THIEF', thief.url).replace('PORT', new URL(url).port);
    for (const status of [301, 302, 303, 307, 308]) {
      handler = (_request, response) => response.writeHead(status, { location: target }).end();
      const error = await failure(client().tenants());
      expect(error.code).toBe('BAD_RESPONSE');
      expect(error.details.detail).toContain('redirected to another host');
    }
    expect(thief.seen).toHaveLength(0);
    await stillWorks();
  });

  it('redirecting in a loop on its own host: stops after 3 hops', async () => {
    handler = (request, response) => response.writeHead(302, { location: `${request.url}x` }).end();
    expect((await failure(client().tenants())).details.detail).toBe('too many redirects');
    expect(seen).toHaveLength(4);
    await stillWorks();
  });

  it('answering HTML (a login or error page): BAD_RESPONSE or the status code, no page text in the error', async () => {
    const page = `<html><body><h1>Sign in</h1><script>leak("${token}")</script></body></html>`;
    for (const status of [200, 401, 403, 404, 500, 502]) {
      handler = (_request, response) => response.writeHead(status, { 'content-type': 'text/html' }).end(page);
      const error = await failure(client().tenants());
      expect(error.code).toBe({ 200: 'BAD_RESPONSE', 401: 'UNAUTHORIZED', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 500: 'PORTAL_UNAVAILABLE', 502: 'PORTAL_UNAVAILABLE' }[status]);
      expect(JSON.stringify(error.details)).not.toContain('<');
    }
    await stillWorks();
  });

  it('echoing the token in its error message: redacted', async () => {
    handler = (_request, response) => response.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ Message: `bad token ${token}` }));
    expect((await failure(client().tenants())).details.portalMessage).toBe('bad token [redacted]');
    await stillWorks();
  });

  it('sending a 10 MB body: capped, not buffered', async () => {
    const megabyte = Buffer.alloc(1024 * 1024, 0x20);
    handler = (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.on('error', () => undefined);
      for (let n = 0; n < 10; n++) response.write(megabyte);
      response.end();
    };
    const error = await failure(client({ maxBodyBytes: 1024 * 1024 }).tenants());
    expect(error).toMatchObject({ code: 'BAD_RESPONSE', details: { detail: 'the answer is larger than 1048576 bytes' } });
    const atDefault = await failure(client().tenants());
    expect(atDefault.details.detail).toBe(`the answer is larger than ${4 * 1024 * 1024} bytes`);
    await stillWorks();
  });

  it('trickling its body (and its headers): TIMEOUT within the time-out', async () => {
    let trickle: NodeJS.Timeout | undefined;
    handler = (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('[');
      trickle = setInterval(() => !response.destroyed && response.write(' '), 50);
      response.on('close', () => clearInterval(trickle));
    };
    const started = performance.now();
    expect((await failure(client({ timeoutMs: 600 }).tenants())).code).toBe('TIMEOUT');
    expect(performance.now() - started).toBeLessThan(1_500);
    clearInterval(trickle);
    handler = () => undefined; // never answers at all
    expect((await failure(client({ timeoutMs: 400 }).tenants())).code).toBe('TIMEOUT');
    await stillWorks();
  });

  it('over plain http outside loopback: refused before any request', async () => {
    const before = seen.length;
    for (const host of ['http://acme.duplocloud.net', 'http://10.0.0.1', 'http://127.0.0.2', 'ftp://acme.duplocloud.net', 'https://user:pass@acme.duplocloud.net']) {
      const error = await failure(Promise.resolve().then(() => createPortalClient({ host, token, fetch })));
      expect(['INSECURE_HOST', 'INVALID_HOST']).toContain(error.code);
      await failure(Promise.resolve().then(() => createPortalClient({ host: url, apiHost: host, token, fetch })));
    }
    expect(seen.length).toBe(before);
    await stillWorks();
  });
});
