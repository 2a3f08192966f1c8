import { describe, expect, it } from 'vitest';
import type { ForwardedRequest } from '../bridge/protocol';
import { loadSettings, saveSettings } from '../settings/settings';
import { useAccessFixture } from './access-fixture.test-support';
import type { ApprovalAnswer, ApprovalAsk } from './approval-ask';
import { createApprovals } from './approvals';
import { answerBridgeRequest } from './bridge-answer';
import { removePortal } from './portal-actions';
import { peerLookup } from './program-identity';
import { setTokenSharing } from './token-sharing';

const { demo, worker, storedOnDisk } = useAccessFixture();

const terraform = peerLookup('on-request', async () => ({ verified: true, pid: 4242, exe: '/usr/bin/node', parentExe: '/usr/bin/terraform' }));
const host = () => new URL(demo.portal.url).host;

function request(id: string, op: ForwardedRequest['op'] = 'portal-token', scope?: string): ForwardedRequest {
  return { v: 1, id, op, portal: demo.portal.url, ...(scope ? { scope } : {}), client: { pid: 4242, ppid: 1, command: 'terraform' }, peer: 'on-request' };
}

/** A signed-in worker under `policy`, whose user answers `answer` to every prompt. */
async function workerAnswering(answer: ApprovalAnswer, policy: string, sharing: boolean) {
  const signedIn = await worker('dev@duplo.demo');
  await saveSettings(signedIn.disk, { approvalPolicy: policy });
  if (sharing) await setTokenSharing(signedIn.context, signedIn.origin, true);
  const asked: ApprovalAsk[] = [];
  const approvals = createApprovals(signedIn.context.deps.memory, async (ask) => {
    asked.push(ask);
    return answer;
  });
  const token = (await signedIn.context.sessions.get(signedIn.origin))!.token;
  return { ...signedIn, asked, approvals, token };
}

describe('a program asking for the portal session itself', () => {
  it('is refused while the user has not turned sharing on, without a prompt or a portal call', async () => {
    const { context, approvals, asked } = await workerAnswering('allow', 'never-ask', false);
    expect(await answerBridgeRequest(context, approvals, request('r1'), terraform)).toEqual({
      v: 1,
      id: 'r1',
      ok: false,
      error: {
        code: 'TOKEN_SHARING_OFF',
        message: `The browser does not give your ${host()} session to programs. To allow it, open the extension's options, and under Portals turn on "Programs may ask for my session" for ${host()}; each request is then asked in its own prompt.`,
      },
    });
    expect(asked).toEqual([]);
    expect(demo.portal.counters()).toEqual({});
  });

  it('is asked every time in a prompt of its own, even under "never ask" and after a yes to other requests', async () => {
    for (const policy of ['never-ask', 'ask-once']) {
      const { context, approvals, asked, token } = await workerAnswering('allow', policy, true);
      // Under "ask once", this yes is remembered for admin credentials, and must not cover the session.
      await answerBridgeRequest(context, approvals, request('r0', 'aws-credentials', 'admin'), terraform);
      const answers = [await answerBridgeRequest(context, approvals, request('r1'), terraform), await answerBridgeRequest(context, approvals, request('r2'), terraform)];
      const result = { Version: 1, DuploToken: token, NeedOTP: false };
      expect(answers).toEqual([
        { v: 1, id: 'r1', ok: true, result },
        { v: 1, id: 'r2', ok: true, result },
      ]);
      expect(asked.filter((ask) => ask.target.kind === 'portal-token').map((ask) => [ask.target, ask.policy])).toEqual([
        [{ kind: 'portal-token', request: 'r1' }, 'ask-every-time'],
        [{ kind: 'portal-token', request: 'r2' }, 'ask-every-time'],
      ]);
    }
  });

  it('says what was denied, and hands nothing over', async () => {
    const { context, approvals } = await workerAnswering('deny', 'ask-once', true);
    expect(await answerBridgeRequest(context, approvals, request('r1'), terraform)).toEqual({
      v: 1,
      id: 'r1',
      ok: false,
      error: { code: 'DENIED', message: `You denied the request for your portal session on ${host()} in the browser.` },
    });
    expect(demo.portal.counters()).toEqual({});
  });

  it('is switched only for a portal the user chose, is forgotten with the portal, and never reaches storage.local with the token', async () => {
    const { context, origin, token } = await workerAnswering('allow', 'ask-once', true);
    await expect(setTokenSharing(context, 'https://elsewhere.example', true)).rejects.toMatchObject({ code: 'PORTAL_NOT_CONFIGURED' });
    expect((await loadSettings(context.deps.disk)).tokenSharing).toEqual([origin]);
    expect(storedOnDisk().texts.join('\n')).not.toContain(token);
    await removePortal(context, origin);
    expect((await loadSettings(context.deps.disk)).tokenSharing).toEqual([]);
  });
});
