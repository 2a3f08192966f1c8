import { describe, expect, it } from 'vitest';
import { useAccessFixture } from './access-fixture.test-support';
import { loadSettings, saveSettings } from '../settings/settings';
import { consoleUrlMaxAgeMs } from './credential-cache';
import { consoleUrlFor, credentialsFor, keysTextFor } from './credentials';
import { toViewError } from './view-error';

const { demo, start, clock, tenantId, worker, storedOnDisk } = useAccessFixture();
const jitCalls = () => demo.portal.counters()['subscriptions/{tenantId}/GetAwsConsoleTokenUrl'] ?? 0;
const home = (region: string, service = 'console') => `https://${region}.console.aws.amazon.com/${service}/home?region=${region}`;
const signedIn = (username: string) => worker(username);

/** Opens a login URL as a browser tab would; the console page says where it landed in `data-*`. */
async function landing(loginUrl: string): Promise<Record<string, string>> {
  const response = await fetch(loginUrl);
  const html = await response.text();
  const main = /<main id="console"([^>]*)>/.exec(html)?.[1];
  expect([response.status, main === undefined]).toEqual([200, false]);
  return Object.fromEntries([...(main ?? '').matchAll(/ data-([a-z-]+)="([^"]*)"/g)].map(([, name, value]) => [name!, value!]));
}

const destination = (url: string) => new URL(url).searchParams.get('Destination');

describe('consoleUrlFor', () => {
  it('wraps the portal login in the logout redirect, landing on the console home of the keys’ region', async () => {
    const { context, disk, origin } = await signedIn('dev@duplo.demo');
    const qa = tenantId('qa');

    const url = await consoleUrlFor(context, origin, qa);
    const { jit } = (await context.cache.peek(origin, qa))!;
    // The demo's ConsoleUrl already aims at the default destination, so the login is byte for byte the portal's.
    expect(url).toBe(`${origin}/oauth?Action=logout&redirect_uri=${encodeURIComponent(jit.ConsoleUrl!)}`);
    const login = new URL(url).searchParams.get('redirect_uri')!;
    expect(destination(login)).toBe(home('us-west-2'));

    const logout = await fetch(url, { redirect: 'manual' });
    expect([logout.status, logout.headers.get('location')]).toEqual([302, login]);
    expect(await landing(login)).toEqual({
      scope: 'tenant',
      tenant: 'qa',
      'tenant-id': qa,
      account: '482913570264',
      region: 'us-west-2',
      service: 'console',
      user: 'dev@duplo.demo',
    });
    expect(jitCalls()).toBe(1);
    expect((await loadSettings(disk)).recents).toEqual([`${origin} ${qa}`]);
  });

  it('gives the bare login aimed at the region and service from settings, or from the caller', async () => {
    const { context, disk, origin } = await signedIn('dev@duplo.demo');
    const qa = tenantId('qa');
    await saveSettings(disk, { logoutFirst: false, consoleRegion: 'eu-west-1', consoleService: 's3' });

    const url = await consoleUrlFor(context, origin, qa);
    const portalUrl = (await context.cache.peek(origin, qa))!.jit.ConsoleUrl!;
    expect(url).toBe(portalUrl.replace(encodeURIComponent(home('us-west-2')), encodeURIComponent(home('eu-west-1', 's3'))));
    expect(await landing(url)).toMatchObject({ tenant: 'qa', region: 'eu-west-1', service: 's3' });

    const chosen = await consoleUrlFor(context, origin, qa, { region: 'us-east-1', service: 'ec2' });
    expect(destination(chosen)).toBe(home('us-east-1', 'ec2'));
    expect(await landing(chosen)).toMatchObject({ tenant: 'qa', region: 'us-east-1', service: 'ec2' });
    expect(jitCalls()).toBe(1);
  });

  it('lands an admin on the admin scope in the region of the admin keys', async () => {
    const { context, origin } = await signedIn('admin@duplo.demo');
    const url = await consoleUrlFor(context, origin, 'admin');
    const login = new URL(url).searchParams.get('redirect_uri')!;
    expect(destination(login)).toBe(home('us-east-2'));
    expect(await landing(login)).toMatchObject({ scope: 'admin', tenant: '', region: 'us-east-2', user: 'admin@duplo.demo' });
    expect(demo.portal.counters()['v3/admin/aws/jitAccess/admin']).toBe(1);
  });

  it('never hands out a ConsoleUrl 14 minutes old, though the keys are still reused', async () => {
    const { context, origin } = await signedIn('dev@duplo.demo');
    const qa = tenantId('qa');
    const first = await consoleUrlFor(context, origin, qa);

    clock.now = start + consoleUrlMaxAgeMs - 1;
    expect(await consoleUrlFor(context, origin, qa)).toBe(first);
    expect(jitCalls()).toBe(1);

    clock.now = start + consoleUrlMaxAgeMs;
    expect((await credentialsFor(context, origin, qa, 'keys')).issuedAt).toBe(start);
    expect(jitCalls()).toBe(1);

    const fresh = await consoleUrlFor(context, origin, qa);
    expect(jitCalls()).toBe(2);
    expect(fresh).not.toBe(first);
    expect((await context.cache.peek(origin, qa))!.issuedAt).toBe(clock.now);
    expect(await landing(new URL(fresh).searchParams.get('redirect_uri')!)).toMatchObject({ tenant: 'qa', region: 'us-west-2' });
  });

  it('puts each used scope first in recents, and a refused one not at all', async () => {
    const { context, disk, origin } = await signedIn('dev@duplo.demo');
    const [dev01, qa, staging, prod] = ['dev01', 'qa', 'staging', 'prod'].map(tenantId);
    await consoleUrlFor(context, origin, dev01!);
    await consoleUrlFor(context, origin, qa!);
    await keysTextFor(context, origin, staging!);
    await consoleUrlFor(context, origin, dev01!);
    await expect(consoleUrlFor(context, origin, prod!)).rejects.toMatchObject({ name: 'PortalError', code: 'FORBIDDEN' });
    expect((await loadSettings(disk)).recents).toEqual([dev01, staging, qa].map((scope) => `${origin} ${scope}`));
  });

  it('refuses a ConsoleUrl that is not on an AWS sign-in host, naming the host, and notes no use', async () => {
    const { context, disk, origin } = await signedIn('dev@duplo.demo');
    demo.portal.setFaults([{ endpoint: 'subscriptions/{tenantId}/GetAwsConsoleTokenUrl', consoleUrlOrigin: 'https://signin.aws.amazon.com.evil.test' }]);
    const refused = await consoleUrlFor(context, origin, tenantId('qa')).catch((error: unknown) => error);
    expect(toViewError(refused, origin)).toEqual({
      code: 'CONSOLE_HOST_REFUSED',
      message: `${new URL(origin).host} sent a console link to signin.aws.amazon.com.evil.test, which is not an AWS sign-in host (signin.aws.amazon.com, signin.amazonaws-us-gov.com, signin.amazonaws.cn, or one of their regional forms over https), so it was not opened. Tell your DuploCloud administrator; if ${new URL(origin).host} is not your portal, remove it in the extension's options.`,
    });
    expect((await loadSettings(disk)).recents).toEqual([]);
  });
});

it('leaves no token, key or console URL in storage.local', () => {
  const stored = storedOnDisk();
  const secrets = demo.portal.issuedSecrets();
  expect(secrets.filter((secret) => stored.texts.some((text) => text.includes(secret)))).toEqual([]);
  expect([stored.workers, secrets.length > 10]).toEqual([6, true]);
});
