import { beforeAll, describe, expect, it } from 'vitest';
import { useDemoPortal } from '../../test/support/demo-portal';
import { PortalError } from '../duplo/errors';
import { saveSettings } from '../settings/settings';
import { memoryArea } from '../storage/key-value';
import { AccessError } from './access-error';
import { credentialsFor } from './credentials';
import { createPortalContext } from './portal-context';
import { acceptToken, observeRequest } from './tokens';

const demo = useDemoPortal();
const acme = 'https://acme.duplocloud.net';
const disks: ReturnType<typeof memoryArea>[] = [];
let url: string;
let qa: string;
beforeAll(() => {
  url = demo.portal.url;
  qa = demo.portal.tenants.find((tenant) => tenant.name === 'qa')!.id;
});

/** A worker with nothing stored; `addDemo` adds the loopback demo portal, which no built-in rule covers. */
async function worker(options: { addDemo?: boolean; disk?: ReturnType<typeof memoryArea> } = {}) {
  const disk = options.disk ?? memoryArea();
  if (!options.disk) disks.push(disk);
  const context = createPortalContext({ fetch, now: Date.now, memory: memoryArea(), disk, hasHostPermission: async () => true });
  if (options.addDemo) await saveSettings(disk, { portals: [{ origin: url }] });
  demo.portal.reset();
  return { context, disk };
}

/** The issued secrets found anywhere in an area's values. */
const secretsIn = (area: ReturnType<typeof memoryArea>) => {
  const stored = [...area.entries.values()].map((value) => JSON.stringify(value));
  return demo.portal.issuedSecrets().filter((secret) => stored.some((text) => text.includes(secret)));
};

describe('observeRequest', () => {
  it('takes a bearer token a portal page sends to its own origin, once', async () => {
    const { context } = await worker();
    expect(await observeRequest(context, acme, acme, 'Bearer tok-1')).toBe(true);
    expect(await context.sessions.get(acme)).toEqual({ token: 'tok-1', source: 'observed', state: 'unverified' });
    expect(await observeRequest(context, acme, acme, ' bearer tok-1 ')).toBe(false);
    expect(await context.sessions.all()).toEqual({ [acme]: { token: 'tok-1', source: 'observed', state: 'unverified' } });
  });

  it('refuses other pages, other destinations, plain http and headers that are not one bearer token', async () => {
    const { context } = await worker();
    const refused: [page: string | undefined, request: string, authorization: string | undefined][] = [
      ['https://evil.example', acme, 'Bearer t'],
      [acme, 'https://evil.example', 'Bearer t'],
      [acme, 'https://other.duplocloud.net', 'Bearer t'],
      ['https://evil.example', 'https://evil.example', 'Bearer t'],
      ['http://acme.duplocloud.net', 'http://acme.duplocloud.net', 'Bearer t'],
      [undefined, acme, 'Bearer t'],
      [acme, acme, 'Basic dXNlcjpwYXNz'],
      [acme, acme, 'Bearer a b'],
      [acme, acme, 'Bearer'],
      [acme, acme, undefined],
    ];
    for (const [page, request, authorization] of refused) {
      expect(await observeRequest(context, page, request, authorization)).toBe(false);
    }
    expect(await context.sessions.all()).toEqual({});
  });

  it('takes the loopback demo portal only once it is added to settings', async () => {
    const { context, disk } = await worker();
    const token = demo.portal.login('dev@duplo.demo');
    expect(await observeRequest(context, url, url, `Bearer ${token}`)).toBe(false);
    expect(await context.sessions.all()).toEqual({});

    await saveSettings(disk, { portals: [{ origin: url }] });
    expect(await observeRequest(context, url, url, `Bearer ${token}`)).toBe(true);
    const entry = await credentialsFor(context, url, qa, 'keys');
    expect(entry.jit.AccessKeyId).toBe(demo.portal.issuedCredentials().at(-1)!.AccessKeyId);
  });

  it('takes a token sent to the API host a portal names, for that portal only', async () => {
    const { context, disk } = await worker();
    const portal = 'https://portal.acme.example';
    const api = 'https://api.acme.example';
    await saveSettings(disk, { portals: [{ origin: portal, apiHost: api }] });
    expect(await observeRequest(context, api, api, 'Bearer t')).toBe(false);
    expect(await observeRequest(context, portal, api, 'Bearer t')).toBe(true);
    expect(Object.keys(await context.sessions.all())).toEqual([portal]);
  });

  it('drops the cached credentials when another token appears, since it may be another user', async () => {
    const { context } = await worker({ addDemo: true });
    const dev = demo.portal.login('dev@duplo.demo');
    await observeRequest(context, url, url, `Bearer ${dev}`);
    const first = await credentialsFor(context, url, qa, 'keys');
    expect(await observeRequest(context, url, url, `Bearer ${dev}`)).toBe(false);
    expect((await context.cache.peek(url, qa))?.jit.AccessKeyId).toBe(first.jit.AccessKeyId);

    expect(await observeRequest(context, url, url, `Bearer ${demo.portal.login('admin@duplo.demo')}`)).toBe(true);
    expect(await context.cache.peek(url, qa)).toBeUndefined();
    const second = await credentialsFor(context, url, qa, 'keys');
    expect(demo.portal.counters()['subscriptions/{tenantId}/GetAwsConsoleTokenUrl']).toBe(2);
    expect(second.jit.AccessKeyId).not.toBe(first.jit.AccessKeyId);
  });

  it('does not serve the new token the answer to a JIT call the old one had in flight', async () => {
    const { context } = await worker({ addDemo: true });
    const jitCalls = () => demo.portal.counters()['subscriptions/{tenantId}/GetAwsConsoleTokenUrl'] ?? 0;
    await observeRequest(context, url, url, `Bearer ${demo.portal.login('dev@duplo.demo')}`);
    demo.portal.setFaults([{ endpoint: 'subscriptions/{tenantId}/GetAwsConsoleTokenUrl', latencyMs: 150, times: 1 }]);
    const before = credentialsFor(context, url, qa, 'keys');
    while (jitCalls() === 0) await new Promise((resolve) => setTimeout(resolve, 5));

    await observeRequest(context, url, url, `Bearer ${demo.portal.login('admin@duplo.demo')}`);
    const [old, now] = await Promise.all([before, credentialsFor(context, url, qa, 'keys')]);
    expect(jitCalls()).toBe(2);
    expect(now.jit.AccessKeyId).not.toBe(old.jit.AccessKeyId);
    expect((await credentialsFor(context, url, qa, 'keys')).jit.AccessKeyId).toBe(now.jit.AccessKeyId);
    expect(jitCalls()).toBe(2);
  });
});

describe('acceptToken', () => {
  it('makes a token the portal accepts the active session, after one check', async () => {
    const { context, disk } = await worker({ addDemo: true });
    const token = demo.portal.login('dev@duplo.demo');
    await acceptToken(context, url, token, 'handoff');
    expect(await context.sessions.get(url)).toEqual({ token, source: 'handoff', state: 'active' });
    expect(demo.portal.counters()).toEqual({ 'v3/features/system': 1 });
    expect(secretsIn(disk)).toEqual([]);
  });

  it('refuses a token the portal does not know, leaving no session or the one there was', async () => {
    const { context } = await worker({ addDemo: true });
    const bad = acceptToken(context, url, 'not-a-portal-token', 'pasted');
    await expect(bad).rejects.toBeInstanceOf(PortalError);
    await expect(bad).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    expect(await context.sessions.all()).toEqual({});

    const good = demo.portal.login('dev@duplo.demo');
    await acceptToken(context, url, good, 'pasted');
    await expect(acceptToken(context, url, 'not-a-portal-token', 'pasted')).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    expect(await context.sessions.get(url)).toEqual({ token: good, source: 'pasted', state: 'active' });
  });

  it('sends no token to a portal the user never added', async () => {
    const { context } = await worker();
    const caught = await acceptToken(context, url, demo.portal.login('dev@duplo.demo'), 'pasted').catch((error: unknown) => error);
    expect(caught).toBeInstanceOf(AccessError);
    expect(caught).toMatchObject({ code: 'PORTAL_NOT_CONFIGURED', detail: url });
    expect(demo.portal.counters()).toEqual({});
    expect(await context.sessions.all()).toEqual({});
  });

  it('keeps a pasted token on disk only when asked to, and a restarted worker finds it there', async () => {
    const without = await worker({ addDemo: true });
    const forgotten = demo.portal.login('dev@duplo.demo');
    await acceptToken(without.context, url, forgotten, 'pasted', false);
    expect(secretsIn(without.disk)).toEqual([]);

    // Its own disk: this is the one place a secret belongs in storage.local.
    const disk = memoryArea();
    const { context } = await worker({ addDemo: true, disk });
    const kept = demo.portal.login('dev@duplo.demo');
    await acceptToken(context, url, kept, 'pasted', true);
    expect(disk.entries.get('remembered-tokens')).toEqual({ [url]: { token: kept, source: 'pasted', state: 'unverified' } });

    const restarted = await worker({ disk });
    expect(await restarted.context.sessions.get(url)).toEqual({ token: kept, source: 'pasted', state: 'unverified' });
    await credentialsFor(restarted.context, url, qa, 'keys');
    expect(secretsIn(disk)).toEqual([kept]);

    await restarted.context.sessions.forget(url);
    expect(await restarted.context.sessions.get(url)).toBeUndefined();
    expect([disk.entries.get('remembered-tokens'), secretsIn(disk)]).toEqual([{}, []]);
  });

  it('drops a remembered token when a new one is pasted without remembering', async () => {
    const disk = memoryArea();
    const { context } = await worker({ addDemo: true, disk });
    await acceptToken(context, url, demo.portal.login('dev@duplo.demo'), 'pasted', true);
    const replacement = demo.portal.login('dev@duplo.demo');
    await acceptToken(context, url, replacement, 'pasted', false);
    expect([disk.entries.get('remembered-tokens'), secretsIn(disk)]).toEqual([{}, []]);
    expect((await context.sessions.get(url))?.token).toBe(replacement);
  });
});

it('leaves no token, key or console URL in storage.local, but the one remembered on purpose', () => {
  expect(disks.flatMap(secretsIn)).toEqual([]);
  expect(disks).toHaveLength(10);
});
