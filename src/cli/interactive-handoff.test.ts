import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { browserNavigation, plant } from '../../test/support/loopback-request';
import { tokenFromBrowser } from './interactive-handoff';

const host = 'https://acme.duplocloud.net';

describe('tokenFromBrowser', () => {
  it('takes nothing before the browser was sent to the portal page, then exactly one handoff, then closes both addresses', async () => {
    const notices: string[] = [];
    let port = 0;
    let early: number | string = 0;
    let real: Promise<number | string> | undefined;
    const token = await tokenFromBrowser({
      host,
      admin: false,
      notice: (line) => notices.push(line),
      debug: () => {},
      open: async (url) => {
        port = Number(new URL(url).searchParams.get('localPort'));
        // A local program that watched the port appear, racing the browser with a perfect imitation.
        early = await plant(port, { path: '/?t=planted', headers: { ...browserNavigation, host: `localhost:${port}` } });
        real = plant(port, { address: '::1', path: '/?t=real', headers: { ...browserNavigation, host: `localhost:${port}` } });
      },
    });
    expect(token).toEqual({ token: 'real' });
    expect(await real).toBe(302);
    expect(early).toBe(404);
    expect(notices).toEqual(["refused a request on the sign-in port (the sign-in page was not opened yet): not the portal's redirect in your browser; still waiting for it"]);
    const after = { path: '/?t=late', headers: { ...browserNavigation, host: `localhost:${port}` } };
    expect([await plant(port, after), await plant(port, { ...after, address: '::1' })]).toEqual(['ECONNREFUSED', 'ECONNREFUSED']);
  });

  it("takes the portal page's POST of the token and OTP from the portal's origin only, and answers it as duplo-jit does", async () => {
    const notices: string[] = [];
    let answers: Promise<Answer[]> = Promise.resolve([]);
    const body = JSON.stringify({ token: 'tok+en=', otp: '246810' });
    const handoff = await tokenFromBrowser({
      host,
      admin: true,
      notice: (line) => notices.push(line),
      debug: () => {},
      open: async (url) => {
        const port = Number(new URL(url).searchParams.get('localPort'));
        const from = (origin: string) => post(port, '/v2/callbackWithOtp', body, { origin, ...pageFetch });
        // Sent once the page is open, as the browser's would be: in order, the last one real.
        answers = (async () => [await from('https://evil.duplocloud.net'), await post(port, '/v2/callbackWithOtp', '{"token":"x y"}', { origin: host, ...pageFetch }), await from(host)])();
      },
    });
    expect(handoff).toEqual({ token: 'tok+en=', otp: '246810' });
    const [wrongOrigin, badBody, real] = await answers;
    expect([wrongOrigin!.status, badBody!.status]).toEqual([400, 400]);
    expect(real).toEqual({ status: 200, allowOrigin: host, body: '"done"\n' });
    expect(notices).toEqual(["refused a request on the sign-in port (the Origin header is not the portal): not the portal's redirect in your browser; still waiting for it"]);
  });
});

/** The headers Chromium 156 sends with the portal page's fetch POST to localhost (test/browser-facts.md). */
const pageFetch = { 'sec-fetch-mode': 'cors', 'sec-fetch-dest': 'empty', 'sec-fetch-site': 'cross-site', 'content-type': 'text/plain;charset=UTF-8' };

interface Answer {
  readonly status: number;
  readonly allowOrigin: string | undefined;
  readonly body: string;
}

/** A POST as the portal page's fetch sends it, and what came back. */
function post(port: number, path: string, body: string, headers: Record<string, string>): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const sent = request({ agent: false, host: '127.0.0.1', port, method: 'POST', path, headers: { ...headers, host: `localhost:${port}`, 'content-length': Buffer.byteLength(body) } }, (response) => {
      let text = '';
      response.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, allowOrigin: response.headers['access-control-allow-origin'], body: text }));
    });
    sent.once('error', reject);
    sent.end(body);
  });
}
