import { describe, expect, it } from 'vitest';
import type { ApprovalAnswer } from './approval-ask';
import { askFor, program } from './approval-fixtures.test-support';
import { createApprovalQueue } from './approval-queue';

/** A queue on a clock the test moves, with a window that records what it was asked to do. */
function queueOnClock() {
  const clock = { now: 1_000_000 };
  const opened: string[] = [];
  const closed: string[] = [];
  let ids = 0;
  const queue = createApprovalQueue({
    now: () => clock.now,
    newId: () => `p${++ids}`,
    window: {
      open: async (id) => void opened.push(id),
      close: (id) => void closed.push(id),
    },
  });
  return { clock, opened, closed, queue };
}

/** Records each answer as it arrives, so a test can see which are still open. */
function track(answer: Promise<ApprovalAnswer>) {
  const state: { answer?: ApprovalAnswer } = {};
  void answer.then((given) => (state.answer = given));
  return state;
}
const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the approval queue', () => {
  it('lists every program waiting on a prompt, and one Allow answers them all', async () => {
    const { clock, opened, queue } = queueOnClock();
    const answers = [queue.ask(askFor('dev01', program('/usr/bin/python3.11'))), queue.ask(askFor('dev01', program('/usr/bin/terraform'))), queue.ask(askFor('dev01', program('/usr/bin/terraform')))];
    expect(opened).toEqual(['p1']);
    const view = queue.details('p1')!;
    expect(view.programs).toEqual([
      { name: 'python3.11', verified: true, exe: '/usr/bin/node', parentExe: '/usr/bin/python3.11', requests: 1 },
      { name: 'terraform', verified: true, exe: '/usr/bin/node', parentExe: '/usr/bin/terraform', requests: 2 },
    ]);
    clock.now += 1_000;
    expect(queue.answer('p1', true)).toBe('answered');
    expect(await Promise.all(answers)).toEqual(['allow', 'allow', 'allow']);
  });

  it('ignores Allow until the window has shown its list for 1 s; Deny counts at once', async () => {
    const { clock, queue } = queueOnClock();
    const first = track(queue.ask(askFor('dev01', program('/usr/bin/aws'))));
    expect(queue.answer('p1', true)).toBe('too-early');
    expect(queue.details('p1')!.allowInMs).toBe(1_000);
    clock.now += 300;
    expect(queue.answer('p1', true)).toBe('too-early');
    expect(queue.details('p1')!.allowInMs).toBe(700);
    await settled();
    expect(first.answer).toBeUndefined();
    clock.now += 700;
    expect(queue.answer('p1', true)).toBe('answered');
    await settled();
    expect(first.answer).toBe('allow');

    const second = queue.ask(askFor('qa', program('/usr/bin/aws')));
    expect(queue.answer('p2', false)).toBe('answered');
    expect(await second).toBe('deny');
  });

  it('makes Allow wait again when a new program joins the open prompt', async () => {
    const { clock, queue } = queueOnClock();
    void queue.ask(askFor('dev01', program('/usr/bin/aws')));
    queue.details('p1');
    clock.now += 1_500;
    const late = queue.ask(askFor('dev01', program('/usr/bin/python3.11')));
    expect(queue.answer('p1', true)).toBe('too-early');
    expect(queue.details('p1')!.programs.map((each) => each.name)).toEqual(['aws', 'python3.11']);
    clock.now += 1_000;
    expect(queue.answer('p1', true)).toBe('answered');
    expect(await late).toBe('allow');
  });

  it('lists each unverified request on its own line, and each one makes Allow wait again', () => {
    const { clock, queue } = queueOnClock();
    void queue.ask(askFor('dev01', program('aws', false)));
    queue.details('p1');
    clock.now += 1_000;
    void queue.ask(askFor('dev01', program('aws', false)));
    expect(queue.answer('p1', true)).toBe('too-early');
    expect(queue.details('p1')!.programs).toEqual([
      { name: 'aws', verified: false, exe: '', parentExe: '', requests: 1 },
      { name: 'aws', verified: false, exe: '', parentExe: '', requests: 1 },
    ]);
  });

  it('opens one window for 20 fake tenant IDs: 4 more wait their turn, the other 15 are refused at once', async () => {
    const { clock, opened, closed, queue } = queueOnClock();
    const answers = Array.from({ length: 20 }, (_, n) => track(queue.ask(askFor(`00000000-0000-0000-0000-${String(n).padStart(12, '0')}`, program('/usr/bin/aws')))));
    await settled();
    expect(opened).toEqual(['p1']);
    expect(answers.map((each) => each.answer)).toEqual([...Array<undefined>(5).fill(undefined), ...Array<string>(15).fill('busy')]);
    queue.closed('p1');
    await settled();
    expect(answers[0]!.answer).toBe('deny');
    expect(opened).toEqual(['p1', 'p2']);
    expect(closed).toEqual(['p1']);
    queue.details('p2');
    clock.now += 1_000;
    queue.answer('p2', true);
    await settled();
    expect(answers.slice(0, 3).map((each) => each.answer)).toEqual(['deny', 'allow', undefined]);
  });

  it('times each request out on its own, and closes the window once none is left', async () => {
    const { opened, closed, queue } = queueOnClock();
    const answer = queue.ask(askFor('dev01', program('/usr/bin/aws'), 0.05));
    const next = track(queue.ask(askFor('qa', program('/usr/bin/aws'), 30)));
    expect(await answer).toBe('timeout');
    expect(closed).toEqual(['p1']);
    expect(opened).toEqual(['p1', 'p2']);
    expect(next.answer).toBeUndefined();
  });

  it('denies when the window cannot open', async () => {
    const queue = createApprovalQueue({ now: Date.now, newId: () => 'p', window: { open: () => Promise.reject(new Error('no display')), close: () => undefined } });
    expect(await queue.ask(askFor('dev01', program('/usr/bin/aws')))).toBe('deny');
  });
});
