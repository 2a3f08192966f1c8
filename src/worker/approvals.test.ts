import { describe, expect, it } from 'vitest';
import { memoryArea } from '../storage/key-value';
import type { ApprovalAnswer, ApprovalAsk } from './approval-ask';
import { askFor, program } from './approval-fixtures.test-support';
import { dropGrants, dropGrantsOfRemoved } from './approval-grants';
import { createApprovals } from './approvals';

/** Approvals whose user answers `answer` and who the test can see was asked. */
function approvalsAnswering(answer: ApprovalAnswer = 'allow') {
  const memory = memoryArea();
  const asked: ApprovalAsk[] = [];
  const approvals = createApprovals(memory, async (ask) => {
    asked.push(ask);
    return answer;
  });
  return { memory, asked, approvals };
}

const aws = program('/usr/local/bin/aws');
const python = program('/usr/bin/python3.11');

describe('approvals', () => {
  it('"ask once" remembers a yes for the program that asked: another program asking for the same scope is asked too', async () => {
    const { asked, approvals } = approvalsAnswering();
    expect(await approvals.approve(askFor('dev01', aws))).toBe('allow');
    expect(await approvals.approve(askFor('dev01', aws))).toBe('allow');
    expect(asked).toHaveLength(1);
    expect(await approvals.approve(askFor('dev01', python))).toBe('allow');
    expect(asked.map((ask) => ask.program.name)).toEqual(['aws', 'python3.11']);
    // Same program, another scope: asked again.
    await approvals.approve(askFor('qa', aws));
    expect(asked).toHaveLength(3);
  });

  it('keeps a yes for a scope\'s AWS keys apart from a yes for its cluster, and one plan\'s cluster from another\'s', async () => {
    const { asked, approvals } = approvalsAnswering();
    const cluster = (of: 'tenant' | 'plan', id: string): ApprovalAsk => ({ ...askFor('dev01', aws), target: { kind: 'k8s', of, id, name: id } });
    await approvals.approve(askFor('dev01', aws));
    await approvals.approve(cluster('tenant', 'dev01'));
    await approvals.approve(cluster('tenant', 'dev01'));
    await approvals.approve(askFor('dev01', aws));
    await approvals.approve(cluster('plan', 'nonprod'));
    await approvals.approve(cluster('plan', 'prod'));
    expect(asked.map((ask) => ask.target.kind)).toEqual(['scope', 'k8s', 'k8s', 'k8s']);
  });

  it('never reuses a yes for a program the host could not verify', async () => {
    const { asked, approvals } = approvalsAnswering();
    const unverified = program('aws', false);
    await approvals.approve(askFor('dev01', unverified));
    await approvals.approve(askFor('dev01', unverified));
    expect(asked).toHaveLength(2);
  });

  it('remembers nothing that was not a yes, and asks every time under "ask every time"', async () => {
    const denying = approvalsAnswering('deny');
    expect(await denying.approvals.approve(askFor('dev01', aws))).toBe('deny');
    expect(await denying.approvals.approve(askFor('dev01', aws))).toBe('deny');
    expect(denying.asked).toHaveLength(2);
    const everyTime = approvalsAnswering();
    await everyTime.approvals.approve(askFor('dev01', aws, 30, 'ask-every-time'));
    await everyTime.approvals.approve(askFor('dev01', aws, 30, 'ask-every-time'));
    expect(everyTime.asked).toHaveLength(2);
    const never = approvalsAnswering('deny');
    expect(await never.approvals.approve(askFor('dev01', aws, 30, 'never-ask'))).toBe('allow');
    expect(never.asked).toHaveLength(0);
  });

  it("forgets a portal's yeses when its session may be another user's or the portal is removed", async () => {
    const { memory, asked, approvals } = approvalsAnswering();
    await approvals.approve(askFor('dev01', aws));
    await dropGrants(memory, 'https://other.duplocloud.net');
    await approvals.approve(askFor('dev01', aws));
    expect(asked).toHaveLength(1);
    await dropGrants(memory, 'https://acme.duplocloud.net');
    await approvals.approve(askFor('dev01', aws));
    expect(asked).toHaveLength(2);
    await dropGrantsOfRemoved(memory, [{ origin: 'https://acme.duplocloud.net' }, { origin: 'https://b.duplocloud.net' }], [{ origin: 'https://b.duplocloud.net' }]);
    await approvals.approve(askFor('dev01', aws));
    expect(asked).toHaveLength(3);
  });
});
