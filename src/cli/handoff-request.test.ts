import { describe, expect, it } from 'vitest';
import type { IncomingHttpHeaders } from 'node:http';
import { browserNavigation } from '../../test/support/loopback-request';
import { checkHandoffRequest } from './handoff-request';

const port = 43125;
const portal = 'https://acme.duplocloud.net';
const good: { method: string; url: string; headers: IncomingHttpHeaders } = { method: 'GET', url: '/?t=tok%2Ben', headers: { host: `localhost:${port}`, ...browserNavigation } };

describe('checkHandoffRequest', () => {
  it("takes the portal's redirect as a browser sends it, on each loopback name, clicked or not", () => {
    expect(checkHandoffRequest(good, port, portal)).toEqual({ ok: true, token: 'tok+en' });
    for (const host of [`127.0.0.1:${port}`, `[::1]:${port}`, `LOCALHOST:${port}`]) expect(checkHandoffRequest({ ...good, headers: { ...good.headers, host } }, port, portal).ok).toBe(true);
    // A redirect without a click carries no sec-fetch-user; a chain begun by xdg-open keeps sec-fetch-site: none.
    const unclicked = { ...good.headers, 'sec-fetch-user': undefined, 'sec-fetch-site': 'none' };
    expect(checkHandoffRequest({ ...good, headers: unclicked }, port, portal).ok).toBe(true);
  });

  it('refuses anything else, naming what was wrong', () => {
    const refused = (change: Partial<typeof good>) => checkHandoffRequest({ ...good, ...change }, port, portal);
    const without = (name: string) => Object.fromEntries(Object.entries(good.headers).filter(([key]) => key !== name));
    for (const method of ['PUT', 'OPTIONS', 'HEAD']) expect(refused({ method })).toEqual({ ok: false, status: 405, reason: 'the method is not GET or POST' });
    expect(refused({ headers: { ...good.headers, host: `localhost:${port + 1}` } })).toMatchObject({ status: 400, reason: 'the Host header names another host' });
    expect(refused({ headers: without('host') })).toMatchObject({ status: 400, reason: 'the Host header names another host' });
    for (const url of ['/x?t=a', '//evil/?t=a', `http://localhost:${port}/?t=a`, '/']) expect(refused({ url })).toMatchObject({ status: 404, reason: 'the path is not /' });
    for (const url of ['/?t=', '/?t=a&t=b', '/?t=a&otp=1', '/?token=a', '/?']) expect(refused({ url })).toMatchObject({ status: 400, reason: 'the query is not exactly ?t=TOKEN' });
    expect(refused({ headers: without('sec-fetch-mode') })).toMatchObject({ reason: 'sec-fetch-mode is not navigate' });
    expect(refused({ headers: { ...good.headers, 'sec-fetch-dest': 'iframe' } })).toMatchObject({ reason: 'sec-fetch-dest is not document' });
    for (const site of ['same-site', 'same-origin', undefined]) expect(refused({ headers: { ...good.headers, 'sec-fetch-site': site } })).toMatchObject({ reason: 'sec-fetch-site is not cross-site or none' });
    expect(refused({ headers: { ...good.headers, origin: 'https://acme.duplocloud.net' } })).toMatchObject({ reason: 'it has an Origin header, as a script or a form sends' });
  });
});
