import { describe, expect, it } from 'vitest';
import { useDemoPortal } from '../support/demo-portal';
import { startDemoPortal } from './index';
import { get, json, post, tenantJitPath } from './test-client';

const demo = useDemoPortal();
const qa = '11d43ecb-7898-4bdf-8503-1bd841e336e8';

/** The `<main>` element's id and data-* attributes, as a browser test reads them. */
async function mainOf(response: Response): Promise<Record<string, string>> {
  const tag = /<main ([^>]*)>/.exec(await response.text())?.[1] ?? '';
  return Object.fromEntries([...tag.matchAll(/([\w-]+)="([^"]*)"/g)].map(([, name, value]) => [name!, value!]));
}

const consolePath = (consoleUrl: unknown) => String(consoleUrl).slice(demo.portal.url.length + 1);

describe('portal pages', () => {
  it('redirect / to the home page', async () => {
    const response = await get(demo.portal, '');
    expect([response.status, response.headers.get('location')]).toEqual([302, '/app/home']);
  });

  it('are HTML with a nonce CSP for their one script, never cached', async () => {
    for (const path of ['app/login', 'app/home', 'app/user/verify-token?localAppName=duplo-jit&localPort=5000&redirect=true']) {
      const response = await get(demo.portal, path);
      const csp = response.headers.get('content-security-policy') ?? '';
      const nonce = /script-src 'nonce-([^']+)'/.exec(csp)?.[1];
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(csp).toContain("default-src 'none'");
      expect(await response.text()).toContain(`<script nonce="${nonce}">`);
    }
    expect(demo.portal.counters()).toMatchObject({ login: 1, home: 1, 'verify-token': 1 });
  });

  it('sign in with the demo users listed on the login page', async () => {
    const page = await (await get(demo.portal, 'app/login')).text();
    for (const user of demo.portal.users) expect(page).toContain(`data-username="${user.username}" data-password="${user.password}"`);
    expect((await post(demo.portal, 'app/api/login', { username: 'dev@duplo.demo', password: 'nope' })).status).toBe(401);
    expect((await post(demo.portal, 'app/api/login', { username: 'dev@duplo.demo' })).status).toBe(400);
    const { token } = await json(await post(demo.portal, 'app/api/login', { username: 'dev@duplo.demo', password: 'dev-demo-pass' }));
    expect(await json(await get(demo.portal, 'app/api/whoami', String(token)))).toEqual({ username: 'dev@duplo.demo', role: 'user' });
    expect(demo.portal.issuedSecrets()).toContain(token);
  });

  it('ask to authorize a valid local port, refuse others, and confirm success', async () => {
    const base = 'app/user/verify-token?localAppName=%3Cb%3Ex&redirect=true';
    const prompt = await get(demo.portal, `${base}&localPort=43125&isAdmin=true`);
    expect(prompt.status).toBe(200);
    const html = await prompt.text();
    expect(html).toContain('data-local-port="43125" data-local-app="&#60;b&#62;x"');
    expect(html).toContain('id="admin-request"');
    for (const port of ['0', '65536', 'abc', '']) expect((await get(demo.portal, `${base}&localPort=${port}`)).status).toBe(400);
    const done = await (await get(demo.portal, `${base}&localPort=43125&success=true`)).text();
    expect(done).toContain('<h1 id="authorized">Authorized — you can close this tab.</h1>');
  });
});

describe('federation', () => {
  it('signs in to the console of the tenant a ConsoleUrl was issued for, without showing the sign-in token', async () => {
    const { ConsoleUrl } = await json(await get(demo.portal, tenantJitPath(qa), demo.dev));
    const response = await get(demo.portal, consolePath(ConsoleUrl));
    expect(response.status).toBe(200);
    const html = await response.clone().text();
    expect(html).toContain('AWS Management Console (demo)');
    expect(html).not.toContain(new URL(String(ConsoleUrl)).searchParams.get('SigninToken'));
    expect(await mainOf(response)).toEqual({ id: 'console', 'data-scope': 'tenant', 'data-tenant': 'qa', 'data-tenant-id': qa,
      'data-account': '482913570264', 'data-region': 'us-west-2', 'data-service': 'console', 'data-user': 'dev@duplo.demo' });
  });

  it('follows a changed Destination and marks admin and duplo-ops sessions', async () => {
    for (const [path, scope] of [['v3/admin/aws/jitAccess/admin', 'admin'], ['v3/admin/aws/jitAccess/duplo-ops', 'duplo-ops']] as const) {
      const url = new URL(String((await json(await get(demo.portal, path, demo.admin))).ConsoleUrl));
      url.searchParams.set('Destination', 'https://eu-west-1.console.aws.amazon.com/ec2/home?region=eu-west-1#Instances:');
      expect(await mainOf(await get(demo.portal, consolePath(url.href)))).toMatchObject({ 'data-scope': scope, 'data-tenant': '', 'data-tenant-id': '',
        'data-region': 'eu-west-1', 'data-service': 'ec2' });
    }
  });

  it('refuses unknown and expired sign-in tokens', async () => {
    const unknown = await get(demo.portal, 'federation?Action=login&SigninToken=forged&Destination=https%3A%2F%2Fconsole.aws.amazon.com%2F');
    expect([unknown.status, await mainOf(unknown)]).toEqual([400, { id: 'console-error', 'data-reason': 'unknown' }]);
    const quick = await startDemoPortal({ signinTtlMs: 1 });
    const { ConsoleUrl } = await json(await get(quick, 'v3/admin/aws/jitAccess/admin', quick.login('admin@duplo.demo')));
    await new Promise((resolve) => setTimeout(resolve, 5));
    const expired = await fetch(String(ConsoleUrl));
    expect([expired.status, await mainOf(expired)]).toEqual([400, { id: 'console-error', 'data-reason': 'expired' }]);
    await quick.stop();
  });

  it('exchanges keys this portal issued for a sign-in token, and nothing else', async () => {
    const credentials = await json(await get(demo.portal, tenantJitPath(qa), demo.dev));
    const keys = { sessionId: credentials.AccessKeyId, sessionKey: credentials.SecretAccessKey, sessionToken: credentials.SessionToken };
    const exchange = (session: unknown) => get(demo.portal, `federation?Action=getSigninToken&Session=${encodeURIComponent(JSON.stringify(session))}`);
    const { SigninToken } = await json(await exchange(keys));
    expect(demo.portal.issuedSecrets()).toContain(SigninToken);
    const login = await get(demo.portal, `federation?Action=login&SigninToken=${String(SigninToken)}&Destination=${encodeURIComponent('https://us-west-2.console.aws.amazon.com/s3/home?region=us-west-2')}`);
    expect(await mainOf(login)).toMatchObject({ 'data-tenant': 'qa', 'data-service': 's3' });
    expect((await exchange({ ...keys, sessionKey: 'x'.repeat(40) })).status).toBe(400);
    expect((await get(demo.portal, 'federation?Action=getSigninToken&Session=nope')).status).toBe(400);
  });

  it('logs out to a login URL on this portal only', async () => {
    const target = `${demo.portal.url}/federation?Action=login&SigninToken=t`;
    const ok = await get(demo.portal, `oauth?Action=logout&redirect_uri=${encodeURIComponent(target)}`);
    expect([ok.status, ok.headers.get('location')]).toEqual([302, target]);
    for (const query of [`Action=logout&redirect_uri=${encodeURIComponent('https://evil.example/')}`, `Action=login&redirect_uri=${encodeURIComponent(target)}`, 'Action=logout']) {
      expect((await get(demo.portal, `oauth?${query}`)).status).toBe(400);
    }
    expect(demo.portal.counters().oauth).toBe(4);
  });
});

describe('control paths', () => {
  it('log in and expire sessions over HTTP, and refuse bad requests', async () => {
    const local = await startDemoPortal();
    const { token } = await json(await post(local, '__demo/login', { username: 'admin@duplo.demo' }));
    expect((await get(local, 'v3/features/system', String(token))).status).toBe(200);
    expect((await post(local, '__demo/login', { username: 'nobody@duplo.demo' })).status).toBe(400);
    expect((await post(local, '__demo/login', {})).status).toBe(400);
    expect((await get(local, '__demo/login')).status).toBe(405);
    expect((await post(local, '__demo/expire-sessions', {})).status).toBe(204);
    expect((await get(local, 'v3/features/system', String(token))).status).toBe(401);
    await local.stop();
  });

  it('are absent when testControl is off', async () => {
    const plain = await startDemoPortal({ testControl: false });
    expect((await get(plain, '__demo/counters')).status).toBe(404);
    expect((await post(plain, '__demo/login', { username: 'admin@duplo.demo' })).status).toBe(404);
    await plain.stop();
  });
});
