import { request } from 'node:http';
import { networkInterfaces } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { startCredentialEndpoint, type CredentialEndpoint } from './credential-endpoint';

const secret = 'the-secret-of-this-run';
const keys = { Version: 1 as const, AccessKeyId: 'ASIAEXAMPLEEXAMPLE00', SecretAccessKey: 'secret', SessionToken: 'token', Region: 'us-west-2', Expiration: '2026-12-02T11:00:00Z' };
// This machine's own non-loopback address: a connection from it is not a loopback one.
const outside = Object.values(networkInterfaces()).flat().find((each) => each && each.family === 'IPv4' && !each.internal)?.address;

function get(host: string, port: number, path: string, headers: Record<string, string>, method = 'GET'): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    request({ host, port, path, method, headers }, (response) => {
      let body = '';
      response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    })
      .once('error', reject)
      .end();
  });
}

let endpoint: CredentialEndpoint | undefined;
afterEach(() => endpoint?.close());

describe('the credential endpoint', () => {
  it('answers the keys in the container format to the secret, and a bare 403 to anything else', async () => {
    endpoint = await startCredentialEndpoint({ host: '127.0.0.1', port: 0, acceptRemote: false, secret, keys: async () => keys, describe: () => ({ code: 'X', message: 'x' }) });
    const port = Number(new URL(endpoint.url).port);
    expect(await get('127.0.0.1', port, '/', { authorization: secret })).toEqual({
      status: 200,
      body: JSON.stringify({ AccessKeyId: keys.AccessKeyId, SecretAccessKey: 'secret', Token: 'token', Expiration: keys.Expiration }),
    });
    expect(await get('127.0.0.1', port, '/', {})).toEqual({ status: 403, body: '' });
    expect(await get('127.0.0.1', port, '/', { authorization: `Bearer ${secret}` })).toEqual({ status: 403, body: '' });
    expect(await get('127.0.0.1', port, '/other', { authorization: secret })).toMatchObject({ status: 404 });
    expect(await get('127.0.0.1', port, '/', { authorization: secret }, 'POST')).toMatchObject({ status: 404 });
  });

  it('answers a failure to get keys with a 500 naming it, for the SDK to show', async () => {
    endpoint = await startCredentialEndpoint({
      host: '127.0.0.1',
      port: 0,
      acceptRemote: false,
      secret,
      keys: () => Promise.reject(new Error('closed')),
      describe: () => ({ code: 'NO_BROWSER', message: 'no browser answered' }),
    });
    expect(await get('127.0.0.1', Number(new URL(endpoint.url).port), '/', { authorization: secret })).toEqual({ status: 500, body: '{"code":"NO_BROWSER","message":"no browser answered"}' });
  });

  it.skipIf(outside === undefined)('refuses, with the secret, a connection that is not from loopback (skipped without a non-loopback address)', async () => {
    endpoint = await startCredentialEndpoint({ host: '0.0.0.0', port: 0, acceptRemote: false, secret, keys: async () => keys, describe: () => ({ code: 'X', message: 'x' }) });
    const port = Number(new URL(endpoint.url).port);
    expect(await get(outside!, port, '/', { authorization: secret })).toEqual({ status: 403, body: '' });
    expect((await get('127.0.0.1', port, '/', { authorization: secret })).status).toBe(200);
  });
});
