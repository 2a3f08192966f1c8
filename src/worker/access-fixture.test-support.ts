import { beforeEach } from 'vitest';
import { useDemoPortal } from '../../test/support/demo-portal';
import { saveSettings } from '../settings/settings';
import { memoryArea } from '../storage/key-value';
import type { ApprovalAnswer, ApprovalAsk } from './approval-ask';
import { createApprovals } from './approvals';
import { createPortalContext } from './portal-context';
import { acceptToken } from './tokens';

/**
 * What the access tests share: the demo portal, a clock they move by hand (back at `start`
 * before each test), and service-worker stand-ins made on it, each with its own storage.
 */
export function useAccessFixture() {
  const demo = useDemoPortal();
  const start = Date.UTC(2030, 0, 1, 9);
  const clock = { now: start };
  const disks: ReturnType<typeof memoryArea>[] = [];
  beforeEach(() => {
    clock.now = start;
  });

  /** A worker with host permission for the demo portal and `allowed`, signed in as `username` unless undefined. */
  async function worker(username: string | undefined, allowed = new Set<string>()) {
    const disk = memoryArea();
    disks.push(disk);
    allowed.add(demo.portal.url);
    const hasHostPermission = async (origin: string) => allowed.has(origin);
    const context = createPortalContext({ fetch, now: () => clock.now, memory: memoryArea(), disk, hasHostPermission });
    await saveSettings(disk, { portals: [{ origin: demo.portal.url }] });
    if (username) await acceptToken(context, demo.portal.url, demo.portal.login(username), 'pasted');
    demo.portal.reset();
    return { context, disk, origin: demo.portal.url, allowed };
  }

  return {
    demo,
    start,
    clock,
    tenantId: (name: string) => demo.portal.tenants.find((tenant) => tenant.name === name)!.id,

    worker,

    /** A worker signed in as dev@duplo.demo, under `policy`, whose user answers `answer` to every prompt; `asked` lists the prompts. */
    async workerAnswering(answer: ApprovalAnswer, policy = 'ask-once') {
      const signedIn = await worker('dev@duplo.demo');
      await saveSettings(signedIn.disk, { approvalPolicy: policy });
      const asked: ApprovalAsk[] = [];
      const approvals = createApprovals(signedIn.context.deps.memory, async (ask) => {
        asked.push(ask);
        return answer;
      });
      return { ...signedIn, asked, approvals };
    },

    /** What every worker made so far keeps in storage.local, as JSON texts, and how many workers that is. */
    storedOnDisk: () => ({ workers: disks.length, texts: disks.flatMap((disk) => [...disk.entries.values()].map((value) => JSON.stringify(value))) }),
  };
}
