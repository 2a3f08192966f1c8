import { describe, expect, it } from 'vitest';
import { readHandoffPost, type SentPost } from './handoff-post';

const portal = 'https://acme.duplocloud.net';
const bytes = (text: string) => new TextEncoder().encode(text).buffer;
const good: SentPost = { url: 'http://localhost:53791/', method: 'POST', initiator: portal, body: bytes('tok-1') };
const read = (change: Partial<SentPost>) => readHandoffPost({ ...good, ...change }, portal);

describe("the portal page's POST handoff, as the extension sees it", () => {
  it('takes the token posted to /, and the token and code posted to /v2/callbackWithOtp, on localhost or 127.0.0.1', () => {
    expect(read({})).toEqual({ token: 'tok-1' });
    expect(read({ url: 'http://127.0.0.1:53791/' })).toEqual({ token: 'tok-1' });
    expect(read({ url: 'http://localhost:53791/v2/callbackWithOtp', body: bytes('{"token":"tok-1","otp":"246810"}') })).toEqual({ token: 'tok-1', otp: '246810' });
  });

  it('takes nothing from another origin, method, port or path, or a body that is not the handoff', () => {
    for (const initiator of [undefined, 'null', 'https://evil.duplocloud.net', 'http://acme.duplocloud.net', 'http://localhost:53791']) expect(read({ initiator })).toBeUndefined();
    expect(read({ method: 'PUT' })).toBeUndefined();
    for (const url of ['http://localhost:53792/', 'http://localhost:53791/?t=x', 'http://localhost:53791/v2/callback', 'http://[::1]:53791/', 'https://localhost:53791/']) expect(read({ url })).toBeUndefined();
    for (const body of [undefined, bytes(''), bytes('has space'), new Uint8Array([0xff, 0xfe]).buffer, bytes('x'.repeat(16 * 1024 + 1))]) expect(read({ body })).toBeUndefined();
    expect(read({ url: 'http://localhost:53791/v2/callbackWithOtp' })).toBeUndefined();
  });
});
