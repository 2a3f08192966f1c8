import { describe, expect, it } from 'vitest';
import { memoryArea } from '../storage/key-value';
import { handoffTarget, readHandoff, signInPageUrl } from './handoff';
import { leavesSignIn, pendingSignIns } from './pending-sign-ins';

const acme = 'https://acme.duplocloud.net';
const base = 'chrome-extension://afldkjilgapibonkcpebooaminnkidfk/';

describe('pending sign-ins', () => {
  it('are found by tab and by nonce, taken once, and expire at their deadline', async () => {
    const pending = pendingSignIns(memoryArea());
    await pending.add({ tabId: 7, origin: acme, nonce: 'n7', deadline: 1_000 });
    await pending.add({ tabId: 8, origin: acme, nonce: 'n8', deadline: 2_000 });
    expect(await pending.withNonce('n8')).toEqual({ tabId: 8, origin: acme, nonce: 'n8', deadline: 2_000 });
    expect(await pending.withNonce('n9')).toBeUndefined();
    expect((await pending.expired(1_000)).map((signIn) => signIn.tabId)).toEqual([7]);
    expect((await pending.take(7))?.nonce).toBe('n7');
    expect(await pending.take(7)).toBeUndefined();
    expect(await pending.withTab(7)).toBeUndefined();
    expect((await pending.withTab(8))?.nonce).toBe('n8');
  });

  it('read a stored value of another shape as no sign-in', async () => {
    const memory = memoryArea();
    await memory.set('pending-sign-ins', { 7: { origin: acme } });
    expect(await pendingSignIns(memory).withTab(7)).toBeUndefined();
  });
});

describe('leavesSignIn', () => {
  it('keeps the sign-in on the portal pages on the way (login, verify-token), ends it anywhere else', () => {
    const signIn = { origin: acme };
    expect(leavesSignIn(signIn, signInPageUrl(acme))).toBe(false);
    expect(leavesSignIn(signIn, `${acme}/app/login?returnTo=%2Fapp%2Fuser%2Fverify-token`)).toBe(false);
    expect(leavesSignIn(signIn, `${acme}/app/user/verify-token?localAppName=x&localPort=1&success=true`)).toBe(true);
    expect(leavesSignIn(signIn, 'https://other.duplocloud.net/app/user/verify-token')).toBe(true);
    expect(leavesSignIn(signIn, 'http://acme.duplocloud.net/')).toBe(true);
    expect(leavesSignIn(signIn, 'chrome-error://chromewebdata/')).toBe(true);
    expect(leavesSignIn(signIn, 'not a url')).toBe(true);
  });
});

describe('the handoff target', () => {
  it('carries the nonce in its path and the token in its query, and reads back only under the extension', () => {
    const target = handoffTarget(base, 'n7').replace('\\2', encodeURIComponent('a b+c/=='));
    expect(target).toBe(`${base}extension/handoff/receive/n7?t=a%20b%2Bc%2F%3D%3D`);
    expect(readHandoff(base, target)).toEqual({ nonce: 'n7', token: 'a b+c/==' });
    expect(readHandoff(base, `${base}extension/handoff/index.html?t=x`)).toBeUndefined();
    expect(readHandoff(base, `${base}extension/handoff/receive/?t=x`)).toBeUndefined();
    expect(readHandoff(base, `${base}extension/handoff/receive/n7`)).toBeUndefined();
    expect(readHandoff('chrome-extension://other/', target)).toBeUndefined();
  });
});
