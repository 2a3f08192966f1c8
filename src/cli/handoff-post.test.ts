import type { IncomingHttpHeaders } from 'node:http';
import { describe, expect, it } from 'vitest';
import { checkHandoffRequest } from './handoff-request';
import { handoffBodyLimit } from '../duplo/handoff-body';

const port = 43125;
const portal = 'https://acme.duplocloud.net';
/** What Chromium 156 sends for the portal page's fetch POST to localhost (test/browser-facts.md). */
const good: { method: string; url: string; headers: IncomingHttpHeaders } = {
  method: 'POST',
  url: '/',
  headers: { host: `localhost:${port}`, origin: portal, 'sec-fetch-mode': 'cors', 'sec-fetch-dest': 'empty', 'sec-fetch-site': 'cross-site', 'content-type': 'text/plain;charset=UTF-8', 'content-length': '44' },
};
const check = (change: Partial<typeof good>) => checkHandoffRequest({ ...good, ...change }, port, portal);
const withHeaders = (headers: IncomingHttpHeaders) => check({ headers: { ...good.headers, ...headers } });

describe("the portal page's POST handoff", () => {
  it('takes the body of a POST from the portal to / or /v2/callbackWithOtp, as a page script sends it', () => {
    expect(check({})).toEqual({ ok: true, body: 'token', length: 44 });
    expect(check({ url: '/v2/callbackWithOtp' })).toEqual({ ok: true, body: 'token-and-otp', length: 44 });
    expect(withHeaders({ 'content-type': 'application/x-www-form-urlencoded' }).ok).toBe(true);
  });

  it('refuses any other POST before reading its body, naming what was wrong', () => {
    expect(check({ url: '/v2/callback' })).toEqual({ ok: false, status: 404, reason: 'the path is not / or /v2/callbackWithOtp' });
    expect(check({ url: '/?t=a' })).toMatchObject({ status: 404 });
    for (const origin of [undefined, 'null', `${portal}/`, 'https://evil.duplocloud.net', 'http://acme.duplocloud.net', `http://localhost:${port}`]) {
      expect(withHeaders({ origin })).toEqual({ ok: false, status: 400, reason: 'the Origin header is not the portal' });
    }
    expect(withHeaders({ 'sec-fetch-mode': 'navigate' })).toMatchObject({ status: 400, reason: 'sec-fetch-mode is not cors' });
    expect(withHeaders({ 'sec-fetch-dest': 'document' })).toMatchObject({ status: 400, reason: 'sec-fetch-dest is not empty' });
    for (const type of [undefined, 'application/json', 'multipart/form-data; boundary=x']) {
      expect(withHeaders({ 'content-type': type })).toEqual({ ok: false, status: 415, reason: 'the content type is not text/plain or application/x-www-form-urlencoded' });
    }
    for (const length of [undefined, '0', '-1', 'x']) expect(withHeaders({ 'content-length': length })).toEqual({ ok: false, status: 400, reason: 'the body has no declared length' });
    expect(withHeaders({ 'content-length': String(handoffBodyLimit + 1) })).toEqual({ ok: false, status: 413, reason: 'the body is over 16384 bytes' });
    expect(withHeaders({ host: 'acme.duplocloud.net' })).toMatchObject({ status: 400, reason: 'the Host header names another host' });
  });
});
