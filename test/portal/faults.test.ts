import { afterEach, describe, expect, it } from 'vitest';
import { startDemoPortal } from './index';
import type { DemoPortal, FaultRule } from './index';
import { get, json, post, tenantJitPath } from './test-client';

const qa = '11d43ecb-7898-4bdf-8503-1bd841e336e8';

async function viaControlPath(rules: FaultRule[]): Promise<DemoPortal> {
  const portal = await startDemoPortal();
  const response = await post(portal, '__demo/faults', rules);
  expect(response.status).toBe(204);
  return portal;
}
const viaConstructor = (rules: FaultRule[]) => startDemoPortal({ faults: rules });

describe.each([
  ['the constructor', viaConstructor],
  ['the control path', viaControlPath],
])('faults set through %s', (_how, start) => {
  let portal: DemoPortal | undefined;
  let token = '';
  const open = async (rules: FaultRule[]) => {
    portal = await start(rules);
    token = portal.login('admin@duplo.demo');
    return portal;
  };
  afterEach(() => portal?.stop());

  it('delays by latencyMs, then answers normally', async () => {
    const slow = await open([{ endpoint: 'v3/features/system', latencyMs: 150 }]);
    const started = performance.now();
    const response = await get(slow, 'v3/features/system', token);
    expect(performance.now() - started).toBeGreaterThanOrEqual(145);
    expect(response.status).toBe(200);
  });

  it('answers a status with a JSON, HTML or text body, one rule after the other as each is used up', async () => {
    const failing = await open([
      { endpoint: 'v3/features/system', times: 1, status: 503 },
      { endpoint: 'v3/features/system', times: 1, status: 502, body: 'html' },
      { endpoint: 'v3/features/system', times: 1, status: 500, body: 'text' },
    ]);
    const answers = [];
    for (let call = 0; call < 4; call++) {
      const response = await get(failing, 'v3/features/system', token);
      answers.push([response.status, response.headers.get('content-type'), await response.text()]);
    }
    expect(answers.slice(0, 3)).toEqual([
      [503, 'application/json; charset=utf-8', '{"Message":"Demo fault: 503 Service Unavailable"}'],
      [502, 'text/html; charset=utf-8', '<!doctype html><title>502 Bad Gateway</title><h1>502 Bad Gateway</h1>'],
      [500, 'text/plain; charset=utf-8', '500 Internal Server Error'],
    ]);
    expect(answers[3]?.[0]).toBe(200);
  });

  it('sends 200 with JSON that does not parse', async () => {
    const broken = await open([{ endpoint: 'admin/GetTenantsForUser', malformedJson: true }]);
    const response = await get(broken, 'admin/GetTenantsForUser', token);
    expect([response.status, response.headers.get('content-type')]).toEqual([200, 'application/json; charset=utf-8']);
    const body = await response.text();
    expect(body.startsWith('[{"TenantId":"')).toBe(true);
    expect(() => JSON.parse(body) as unknown).toThrow();
    expect((await get(broken, 'v3/features/system', token)).status).toBe(200);
  });

  it('drops fields from an object and from each element of a list', async () => {
    const partial = await open([
      { endpoint: 'subscriptions/{tenantId}/GetAwsConsoleTokenUrl', dropFields: ['SecretAccessKey', 'ConsoleUrl'] },
      { endpoint: 'admin/GetTenantsForUser', dropFields: ['PlanID'] },
    ]);
    const credentials = await json(await get(partial, tenantJitPath(qa), token));
    expect(Object.keys(credentials)).toEqual(['AccessKeyId', 'SessionToken', 'Region', 'Validity', 'AccountId', 'RoleName']);
    const tenants = (await (await get(partial, 'admin/GetTenantsForUser', token)).json()) as Record<string, unknown>[];
    expect(tenants.filter((tenant) => 'PlanID' in tenant)).toEqual([]);
    expect(tenants).toHaveLength(14);
  });

  it('moves the ConsoleUrl of a JIT answer to another origin, keeping its path and query', async () => {
    const moved = await open([{ endpoint: 'subscriptions/{tenantId}/GetAwsConsoleTokenUrl', consoleUrlOrigin: 'https://console.evil.test' }]);
    const url = new URL(String((await json(await get(moved, tenantJitPath(qa), token))).ConsoleUrl));
    expect([url.origin, url.pathname, url.searchParams.get('Action')]).toEqual(['https://console.evil.test', '/federation', 'login']);
  });

  it('blanks the Region of a JIT answer, and adds a tenant row without a name and one without an ID', async () => {
    const lax = await open([
      { endpoint: 'subscriptions/{tenantId}/GetAwsConsoleTokenUrl', blankRegion: true },
      { endpoint: 'admin/GetTenantsForUser', incompleteTenantRows: true },
    ]);
    expect((await json(await get(lax, tenantJitPath(qa), token))).Region).toBe('');
    const tenants = (await (await get(lax, 'admin/GetTenantsForUser', token)).json()) as Record<string, unknown>[];
    expect(tenants.slice(-2)).toEqual([
      { TenantId: '00000000-0000-4000-8000-00000000000a', AccountName: null, PlanID: 'nonprod' },
      { AccountName: 'no-id', PlanID: 'nonprod' },
    ]);
  });

  it('redirects elsewhere', async () => {
    const moved = await open([{ endpoint: 'admin/GetTenantsForUser', redirectTo: 'https://elsewhere.example/login' }]);
    const response = await get(moved, 'admin/GetTenantsForUser', token);
    expect([response.status, response.headers.get('location')]).toEqual([302, 'https://elsewhere.example/login']);
  });

  it('covers every API route but no page when a rule names no endpoint, and stops after times', async () => {
    const down = await open([{ status: 500, times: 2 }]);
    expect((await get(down, 'app/login')).status).toBe(200);
    expect((await get(down, 'v3/features/system', token)).status).toBe(500);
    expect((await get(down, tenantJitPath(qa), token)).status).toBe(500);
    expect((await get(down, tenantJitPath(qa), token)).status).toBe(200);
    expect(down.counters()).toEqual({ login: 1, 'v3/features/system': 1, 'subscriptions/{tenantId}/GetAwsConsoleTokenUrl': 2 });
  });

  it('breaks a page when a rule names it', async () => {
    const broken = await open([{ endpoint: 'federation', status: 503, body: 'html' }]);
    expect((await get(broken, 'federation?Action=login&SigninToken=x')).status).toBe(503);
    expect((await get(broken, 'v3/features/system', token)).status).toBe(200);
  });
});

describe('fault rules', () => {
  it('are refused with 400 and a clear message on the control path', async () => {
    const portal = await startDemoPortal();
    const cases: [unknown, string][] = [
      [[{ latency: 5 }], 'Unrecognized key: "latency"'],
      [[{ endpoint: 'v3/features/systems' }], 'at [0].endpoint'],
      [[{ body: 'html' }], '"body" needs "status"'],
      [[{ status: 500, redirectTo: '/x' }], 'choose one of'],
      [{ status: 500 }, 'expected array'],
    ];
    for (const [rules, message] of cases) {
      const response = await post(portal, '__demo/faults', rules);
      expect(response.status).toBe(400);
      expect(String((await json(response)).Message)).toContain(message);
    }
    const notJson = await fetch(`${portal.url}/__demo/faults`, { method: 'POST', body: '[{' });
    expect([notJson.status, await notJson.json()]).toEqual([400, { Message: 'the body is not valid JSON' }]);
    expect(() => portal.setFaults([{ status: 99 }])).toThrow();
    await portal.stop();
  });

  it('are cleared by reset, from the library and the control path', async () => {
    const portal = await startDemoPortal({ faults: [{ status: 500 }] });
    const token = portal.login('dev@duplo.demo');
    portal.reset();
    expect((await get(portal, 'v3/features/system', token)).status).toBe(200);
    portal.setFaults([{ status: 500 }]);
    expect((await post(portal, '__demo/reset', {})).status).toBe(204);
    expect((await get(portal, 'v3/features/system', token)).status).toBe(200);
    expect(portal.counters()).toEqual({ 'v3/features/system': 1 });
    await portal.stop();
  });
});
