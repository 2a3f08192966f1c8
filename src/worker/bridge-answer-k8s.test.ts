import { beforeEach, describe, expect, it } from 'vitest';
import type { ForwardedRequest } from '../bridge/protocol';
import { useAccessFixture } from './access-fixture.test-support';
import { answerBridgeRequest } from './bridge-answer';
import { peerLookup } from './program-identity';
import { acceptToken } from './tokens';

const { demo, clock, workerAnswering } = useAccessFixture();
// The portal dates a cluster token's end by its own clock, which the worker's must agree with.
beforeEach(() => {
  clock.now = Date.now();
});

const fromHost = peerLookup('on-request', async () => ({ verified: true, pid: 4242, exe: '/usr/bin/node', parentExe: '/usr/bin/kubectl' }));

function request(scope: string, plan?: string): ForwardedRequest {
  return { v: 1, id: 'r1', op: 'k8s-credentials', portal: demo.portal.url, scope, ...(plan ? { plan } : {}), client: { pid: 4242, ppid: 1, command: 'kubectl' }, peer: 'on-request' };
}

const rfc3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;

describe('k8s-credentials from a local program', () => {
  it('answers an ExecCredential for a tenant name, asking for its cluster, one portal call for many asks', async () => {
    const { context, asked, approvals } = await workerAnswering('allow', 'ask-once');
    const answers = await Promise.all(Array.from({ length: 5 }, () => answerBridgeRequest(context, approvals, request('dev01'), fromHost)));
    const token = demo.portal.issuedK8sTokens().at(-1);
    for (const answer of answers) {
      expect(answer).toEqual({
        v: 1,
        id: 'r1',
        ok: true,
        result: {
          kind: 'ExecCredential',
          apiVersion: 'client.authentication.k8s.io/v1beta1',
          spec: { cluster: { server: 'https://kubernetes.demo.invalid', 'insecure-skip-tls-verify': true }, interactive: false },
          status: { expirationTimestamp: expect.stringMatching(rfc3339), token },
        },
      });
    }
    expect(demo.portal.counters()).toMatchObject({ 'v3/subscriptions/{tenantId}/k8s/jitAccess': 1 });
    expect(asked[0]?.target).toEqual({ kind: 'k8s', of: 'tenant', id: 'dev01', name: 'dev01' });
  });

  it('asks for a plan\'s cluster by the plan, and a Deny names Kubernetes', async () => {
    const { context, asked, approvals } = await workerAnswering('deny', 'ask-once');
    const host = new URL(demo.portal.url).host;
    expect(await answerBridgeRequest(context, approvals, request('admin', 'nonprod'), fromHost)).toEqual({
      v: 1,
      id: 'r1',
      ok: false,
      error: { code: 'DENIED', message: `You denied the request for Kubernetes credentials for plan nonprod (admin) on ${host} in the browser.` },
    });
    expect(await answerBridgeRequest(context, approvals, request('dev01'), fromHost)).toMatchObject({
      error: { message: `You denied the request for Kubernetes credentials for dev01 on ${host} in the browser.` },
    });
    expect(asked.map((ask) => ask.target)).toEqual([
      { kind: 'k8s', of: 'plan', id: 'nonprod', name: 'plan nonprod (admin)' },
      { kind: 'k8s', of: 'tenant', id: 'dev01', name: 'dev01' },
    ]);
    expect(demo.portal.counters()).toEqual({});
  });

  it('keeps cluster tokens apart from the same tenant\'s AWS keys', async () => {
    const { context, approvals } = await workerAnswering('allow', 'never-ask');
    await answerBridgeRequest(context, approvals, { ...request('dev01'), op: 'aws-credentials' }, fromHost);
    expect(await answerBridgeRequest(context, approvals, request('dev01'), fromHost)).toMatchObject({ ok: true, result: { kind: 'ExecCredential' } });
    expect(demo.portal.counters()).toMatchObject({ 'subscriptions/{tenantId}/GetAwsConsoleTokenUrl': 1, 'v3/subscriptions/{tenantId}/k8s/jitAccess': 1 });
  });

  it('gives an administrator a plan\'s cluster', async () => {
    const { context, origin, approvals } = await workerAnswering('allow', 'never-ask');
    await acceptToken(context, origin, demo.portal.login('admin@duplo.demo'), 'pasted');
    const answer = await answerBridgeRequest(context, approvals, request('admin', 'nonprod'), fromHost);
    expect(answer).toMatchObject({ ok: true, result: { status: { token: demo.portal.issuedK8sTokens().at(-1) } } });
    expect(demo.portal.counters()).toMatchObject({ 'v3/admin/plans/{planId}/k8sConfig': 1 });
  });

  it('refuses a plan without admin, and admin without a plan, before the portal is called', async () => {
    const { context, approvals } = await workerAnswering('allow', 'never-ask');
    const refusal = { v: 1, id: 'r1', ok: false, error: { code: 'BAD_REQUEST', message: 'The extension received a request it does not understand: k8s-credentials takes a tenant, or admin with a plan.' } };
    expect(await answerBridgeRequest(context, approvals, request('dev01', 'nonprod'), fromHost)).toEqual(refusal);
    expect(await answerBridgeRequest(context, approvals, request('admin'), fromHost)).toEqual(refusal);
    expect(demo.portal.counters()).toEqual({});
  });
});
