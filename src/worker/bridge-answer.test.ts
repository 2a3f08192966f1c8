import { describe, expect, it } from 'vitest';
import type { ForwardedRequest } from '../bridge/protocol';
import { useAccessFixture } from './access-fixture.test-support';
import { createApprovals } from './approvals';
import { peerLookup } from './program-identity';
import { answerBridgeRequest } from './bridge-answer';
import { acceptToken, observeRequest } from './tokens';

const { demo, tenantId, workerAnswering } = useAccessFixture();

const python = { verified: true, pid: 4242, exe: '/usr/bin/node', parentExe: '/usr/bin/python3.11' };
const fromHost = peerLookup('on-request', async () => python);

function request(op: ForwardedRequest['op'], scope?: string): ForwardedRequest {
  return { v: 1, id: 'r1', op, portal: demo.portal.url, ...(scope ? { scope } : {}), client: { pid: 4242, ppid: 1, command: 'python3 deploy.py --password hunter2' }, peer: 'on-request' };
}

function withoutPortal(asked: ForwardedRequest): ForwardedRequest {
  const copy = { ...asked };
  delete copy.portal;
  return copy;
}

describe('a local program asking the extension', () => {
  it('names an unknown tenant as asked, and a Deny leaves the portal uncalled', async () => {
    const { context, asked, approvals } = await workerAnswering('deny');
    const answer = await answerBridgeRequest(context, approvals, request('aws-credentials', 'no-such-tenant'), fromHost);
    expect(answer).toEqual({ v: 1, id: 'r1', ok: false, error: { code: 'DENIED', message: `You denied the request for no-such-tenant on ${new URL(demo.portal.url).host} in the browser.` } });
    expect(asked.map((ask) => ask.target)).toEqual([{ kind: 'scope', scope: 'no-such-tenant', name: 'no-such-tenant' }]);
    expect(demo.portal.counters()).toEqual({});
  });

  it('says when nobody answered the prompt in time', async () => {
    const { context, approvals } = await workerAnswering('timeout');
    const answer = await answerBridgeRequest(context, approvals, request('aws-credentials', 'dev01'), fromHost);
    expect(answer).toMatchObject({
      ok: false,
      error: {
        code: 'DENIED',
        message: `Nobody answered the browser's approval prompt for the request for dev01 on ${new URL(demo.portal.url).host} in time. Retry and choose Allow, or change the approval setting in the extension's options.`,
      },
    });
  });

  it('resolves a tenant name only after the yes', async () => {
    const { context, approvals } = await workerAnswering('allow');
    const answer = await answerBridgeRequest(context, approvals, request('aws-credentials', 'qa'), fromHost);
    expect(answer).toMatchObject({ ok: true, result: { Version: 1 } });
    expect(demo.portal.issuedCredentials().at(-1)?.scope).toBe(tenantId('qa'));
  });

  it('takes a tenant name in another case, as duploctl does', async () => {
    const { context, approvals } = await workerAnswering('allow', 'never-ask');
    const answer = await answerBridgeRequest(context, approvals, request('aws-credentials', 'QA'), fromHost);
    expect(answer).toMatchObject({ ok: true, result: { Version: 1 } });
    expect(demo.portal.issuedCredentials().at(-1)?.scope).toBe(tenantId('qa'));
  });

  it('refuses a tenant ID missing even from a fresh list, as duplo-jit does', async () => {
    const { context, approvals } = await workerAnswering('allow', 'never-ask');
    const id = '00000000-0000-4000-8000-000000000000';
    const answer = await answerBridgeRequest(context, approvals, request('aws-credentials', id), fromHost);
    expect(answer).toEqual({
      v: 1,
      id: 'r1',
      ok: false,
      error: { code: 'TENANT_NOT_FOUND', message: `Tenant "${id}" is missing or not allowed for you on ${new URL(demo.portal.url).host}. The popup lists the tenants you can use.` },
    });
    expect(demo.portal.counters()).toMatchObject({ 'admin/GetTenantsForUser': 1 });
  });

  it('asks before listing the tenants', async () => {
    const { context, asked, approvals } = await workerAnswering('deny');
    const answer = await answerBridgeRequest(context, approvals, request('tenants'), fromHost);
    expect(answer).toEqual({ v: 1, id: 'r1', ok: false, error: { code: 'DENIED', message: `You denied the request for the tenant list on ${new URL(demo.portal.url).host} in the browser.` } });
    expect(asked.map((ask) => ask.target)).toEqual([{ kind: 'tenants' }]);
    expect(demo.portal.counters()).toEqual({});
  });

  it('answers status unasked, saying only signed in or out', async () => {
    const { context, asked, approvals } = await workerAnswering('deny');
    expect(await answerBridgeRequest(context, approvals, request('status'), fromHost)).toEqual({ v: 1, id: 'r1', ok: true, result: { portal: demo.portal.url, session: 'signed-in' } });
    expect(asked).toHaveLength(0);
  });

  it('refuses at once, saying why, when too many prompts wait', async () => {
    const { context } = await workerAnswering('allow');
    const approvals = createApprovals(context.deps.memory, async () => 'busy');
    const answer = await answerBridgeRequest(context, approvals, request('aws-credentials', 'dev01'), fromHost);
    expect(answer).toEqual({
      v: 1,
      id: 'r1',
      ok: false,
      error: {
        code: 'DENIED',
        message: `The browser refused the request for dev01 on ${new URL(demo.portal.url).host} without asking: too many requests already wait for approval (at most 5 prompts, one shown at a time). Answer the prompt in the browser, then retry.`,
      },
    });
  });

  it('asks again once the portal has a new token, which may be another user', async () => {
    const { context, origin, asked, approvals } = await workerAnswering('allow');
    await answerBridgeRequest(context, approvals, request('aws-credentials', 'qa'), fromHost);
    await answerBridgeRequest(context, approvals, request('aws-credentials', 'qa'), fromHost);
    expect(asked).toHaveLength(1);
    await acceptToken(context, origin, demo.portal.login('admin@duplo.demo'), 'pasted');
    await answerBridgeRequest(context, approvals, request('aws-credentials', 'qa'), fromHost);
    expect(asked).toHaveLength(2);
    await observeRequest(context, origin, origin, `Bearer ${demo.portal.login('dev@duplo.demo')}`);
    await answerBridgeRequest(context, approvals, request('aws-credentials', 'qa'), fromHost);
    expect(asked).toHaveLength(3);
  });
});

describe('clear-cache from a local program', () => {
  it('drops the held credentials of the portal without a prompt, so the next ask calls the portal again', async () => {
    const { context, asked, approvals } = await workerAnswering('allow');
    await answerBridgeRequest(context, approvals, request('aws-credentials', 'dev01'), fromHost);
    const issued = demo.portal.issuedCredentials().length;
    const prompts = asked.length;
    expect(await answerBridgeRequest(context, approvals, request('clear-cache'), fromHost)).toEqual({ v: 1, id: 'r1', ok: true, result: { removed: 1 } });
    expect(asked.length).toBe(prompts);
    expect(await answerBridgeRequest(context, approvals, request('aws-credentials', 'dev01'), fromHost)).toMatchObject({ ok: true, result: { Version: 1 } });
    expect(demo.portal.issuedCredentials().length).toBe(issued + 1);
  });

  it('without a portal, drops every portal\'s; any other op without one is refused', async () => {
    const { context, approvals } = await workerAnswering('allow');
    await answerBridgeRequest(context, approvals, request('aws-credentials', 'dev01'), fromHost);
    expect(await answerBridgeRequest(context, approvals, withoutPortal(request('clear-cache')), fromHost)).toEqual({ v: 1, id: 'r1', ok: true, result: { removed: 1 } });
    expect(await answerBridgeRequest(context, approvals, withoutPortal(request('aws-credentials', 'dev01')), fromHost)).toEqual({ v: 1, id: 'r1', ok: false, error: { code: 'BAD_REQUEST', message: 'aws-credentials needs a portal.' } });
  });
});
