import { describe, expect, it } from 'vitest';
import { isVerifyTokenSuccess, verifyTokenUrl } from './verify-token-url';

const acme = 'https://acme.duplocloud.net';

describe('verifyTokenUrl', () => {
  it('names the local app and port, then the step', () => {
    expect(verifyTokenUrl(acme, { port: 53791, step: 'redirect' })).toBe(`${acme}/app/user/verify-token?localAppName=duplo-jit-bridge&localPort=53791&redirect=true`);
    expect(verifyTokenUrl(acme, { port: 4000, admin: true, step: 'success' })).toBe(`${acme}/app/user/verify-token?localAppName=duplo-jit-bridge&localPort=4000&isAdmin=true&success=true`);
  });

  it('tells the success step apart from the redirect step and other pages', () => {
    expect(isVerifyTokenSuccess(new URL(verifyTokenUrl(acme, { port: 1, step: 'success' })))).toBe(true);
    expect(isVerifyTokenSuccess(new URL(verifyTokenUrl(acme, { port: 1, step: 'redirect' })))).toBe(false);
    expect(isVerifyTokenSuccess(new URL(`${acme}/app/login?success=true`))).toBe(false);
  });
});
