import { beforeEach, describe, expect, it } from 'vitest';
import type { DemoPortal, IssuedCredentials } from '../../test/portal';
import { useDemoPortal } from '../../test/support/demo-portal';
import { PortalError } from '../duplo/errors';
import { loadSettings, saveSettings } from '../settings/settings';
import { memoryArea } from '../storage/key-value';
import { reuseMarginMs } from './credential-cache';
import { credentialsFor, keysTextFor } from './credentials';
import { createPortalContext } from './portal-context';
import { acceptToken } from './tokens';

const demo = useDemoPortal();
// A whole second, so expiresAt (RFC 3339 seconds) is exactly issuedAt + Validity.
const start = Date.UTC(2030, 0, 1, 9);
let clock = start;
const disks: ReturnType<typeof memoryArea>[] = [];
const portals = new Set<DemoPortal>();
beforeEach(() => {
  clock = start;
});

const tenantId = (name: string) => demo.portal.tenants.find((tenant) => tenant.name === name)!.id;
const jitCalls = (portal: DemoPortal) => portal.counters()['subscriptions/{tenantId}/GetAwsConsoleTokenUrl'] ?? 0;
const lastIssued = (portal: DemoPortal): IssuedCredentials => portal.issuedCredentials().at(-1)!;

/** A worker that accepted a fresh token of `username` on `portal`; the counters start at zero. */
async function signedIn(portal: DemoPortal, username: string) {
  const disk = memoryArea();
  disks.push(disk);
  portals.add(portal);
  const context = createPortalContext({ fetch, now: () => clock, memory: memoryArea(), disk, hasHostPermission: async () => true });
  await saveSettings(disk, { portals: [{ origin: portal.url }] });
  await acceptToken(context, portal.url, portal.login(username), 'pasted');
  portal.reset();
  return { context, disk, origin: portal.url };
}

describe('credentialsFor', () => {
  it('shares one JIT call among 20 concurrent asks, and reuses it in a second round', async () => {
    const { context, origin } = await signedIn(demo.portal, 'dev@duplo.demo');
    const qa = tenantId('qa');
    const askTwenty = () => Promise.all(Array.from({ length: 20 }, () => credentialsFor(context, origin, qa, 'keys')));

    const first = await askTwenty();
    expect(jitCalls(demo.portal)).toBe(1);
    const issued = lastIssued(demo.portal);
    expect(issued.scope).toBe(qa);
    expect(new Set(first.map((entry) => entry.jit.AccessKeyId))).toEqual(new Set([issued.AccessKeyId]));
    expect(first[0]).toMatchObject({ issuedAt: start, expiresAt: start + 3600_000 });

    clock += 30 * 60_000;
    const second = await askTwenty();
    expect(jitCalls(demo.portal)).toBe(1);
    expect(new Set(second.map((entry) => entry.jit.AccessKeyId))).toEqual(new Set([issued.AccessKeyId]));
  });

  it('keys each scope on its own: two tenants asked together make two calls', async () => {
    const { context, origin } = await signedIn(demo.portal, 'dev@duplo.demo');
    const scopes = [tenantId('qa'), tenantId('dev01')];
    const entries = await Promise.all(Array.from({ length: 10 }, (_, index) => credentialsFor(context, origin, scopes[index % 2]!, 'keys')));
    expect(jitCalls(demo.portal)).toBe(2);
    expect(new Set(entries.map((entry) => entry.jit.AccessKeyId)).size).toBe(2);
  });

  it('reuses keys while more than 15 minutes remain, and not a millisecond after', async () => {
    const { context, origin } = await signedIn(demo.portal, 'dev@duplo.demo');
    const qa = tenantId('qa');
    const first = await credentialsFor(context, origin, qa, 'keys');

    clock = first.expiresAt - reuseMarginMs - 1;
    expect((await credentialsFor(context, origin, qa, 'keys')).jit.AccessKeyId).toBe(first.jit.AccessKeyId);
    expect(jitCalls(demo.portal)).toBe(1);

    clock = first.expiresAt - reuseMarginMs;
    const renewed = await credentialsFor(context, origin, qa, 'keys');
    expect(jitCalls(demo.portal)).toBe(2);
    expect(renewed.jit.AccessKeyId).toBe(lastIssued(demo.portal).AccessKeyId);
    expect(renewed.jit.AccessKeyId).not.toBe(first.jit.AccessKeyId);
    expect(renewed).toMatchObject({ issuedAt: clock, expiresAt: clock + 3600_000 });
  });

  it('shares a refusal too, caches nothing from it, and keeps the session', async () => {
    const { context, origin } = await signedIn(demo.portal, 'dev@duplo.demo');
    const prod = tenantId('prod');
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => credentialsFor(context, origin, prod, 'keys')));
    expect(results.map((result) => (result.status === 'rejected' && result.reason instanceof PortalError ? result.reason.code : result.status))).toEqual(
      Array.from({ length: 5 }, () => 'FORBIDDEN'),
    );
    expect(jitCalls(demo.portal)).toBe(1);
    const host = origin.replace('http://', '');
    expect(context.rowErrors.get(`${origin} ${prod}`)).toEqual({
      code: 'FORBIDDEN',
      message: `${host} refused the request (403): your user may not use this scope. The portal said: "You do not have access to this tenant". Ask a DuploCloud administrator for access.`,
    });

    await expect(credentialsFor(context, origin, prod, 'keys')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(jitCalls(demo.portal)).toBe(2);
    expect((await context.sessions.get(origin))?.state).toBe('active');
  });
});

describe('a portal whose keys last only 15 minutes', () => {
  const short = useDemoPortal({ jitValiditySeconds: 900 });

  it('never reuses them, though concurrent asks still share one call', async () => {
    const { context, origin } = await signedIn(short.portal, 'dev@duplo.demo');
    const qa = short.portal.tenants.find((tenant) => tenant.name === 'qa')!.id;
    const together = await Promise.all(Array.from({ length: 5 }, () => credentialsFor(context, origin, qa, 'keys')));
    expect(jitCalls(short.portal)).toBe(1);
    expect(together[0]!.expiresAt).toBe(start + 900_000);

    const next = await credentialsFor(context, origin, qa, 'keys');
    expect(jitCalls(short.portal)).toBe(2);
    expect(next.jit.AccessKeyId).not.toBe(together[0]!.jit.AccessKeyId);
  });
});

describe('keysTextFor', () => {
  const variables = (issued: IssuedCredentials): [string, string][] => [
    ['AWS_ACCESS_KEY_ID', issued.AccessKeyId],
    ['AWS_SECRET_ACCESS_KEY', issued.SecretAccessKey],
    ['AWS_SESSION_TOKEN', issued.SessionToken],
    ['AWS_REGION', issued.Region],
    ['AWS_DEFAULT_REGION', issued.Region],
  ];

  it('writes the keys the portal issued, in the default format, then the chosen ones, from one JIT call', async () => {
    const { context, origin, disk } = await signedIn(demo.portal, 'dev@duplo.demo');
    const staging = tenantId('staging');

    const bash = await keysTextFor(context, origin, staging);
    const cached = (await context.cache.peek(origin, staging))!;
    const issued = lastIssued(demo.portal);
    expect(cached.jit).toMatchObject({ AccessKeyId: issued.AccessKeyId, SecretAccessKey: issued.SecretAccessKey, SessionToken: issued.SessionToken, Region: 'us-west-2' });
    expect(bash).toEqual({
      format: 'bash',
      expiresAt: cached.expiresAt,
      text:
        `export AWS_ACCESS_KEY_ID='${issued.AccessKeyId}'\n` +
        `export AWS_SECRET_ACCESS_KEY='${issued.SecretAccessKey}'\n` +
        `export AWS_SESSION_TOKEN='${issued.SessionToken}'\n` +
        `export AWS_REGION='us-west-2'\n` +
        `export AWS_DEFAULT_REGION='us-west-2'\n`,
    });

    await saveSettings(disk, { defaultFormat: 'fish' });
    const fish = await keysTextFor(context, origin, staging);
    expect(fish.format).toBe('fish');
    expect(fish.text).toBe(variables(issued).map(([name, value]) => `set -gx ${name} '${value}'\n`).join(''));

    const powershell = await keysTextFor(context, origin, staging, 'powershell');
    expect(powershell.format).toBe('powershell');
    expect(powershell.text).toBe(variables(issued).map(([name, value]) => `$Env:${name} = '${value}'\n`).join(''));

    expect(jitCalls(demo.portal)).toBe(1);
    expect((await loadSettings(disk)).recents).toEqual([`${origin} ${staging}`]);
  });
});

it('leaves no token, key or console URL in storage.local', () => {
  const stored = disks.flatMap((disk) => [...disk.entries.values()].map((value) => JSON.stringify(value)));
  const secrets = [...portals].flatMap((portal) => portal.issuedSecrets());
  expect(secrets.filter((secret) => stored.some((text) => text.includes(secret)))).toEqual([]);
  // Both portals and every test's disk were looked at, so the check above covers something.
  expect([portals.size, disks.length, secrets.length > 20]).toEqual([2, 6, true]);
});
