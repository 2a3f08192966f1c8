import browser from 'webextension-polyfill';
import { createApprovalQueue, defaultArmMs, type ApprovalAnswer, type ApprovalAsk, type PromptView } from '../../src/worker';

/** Which window shows which prompt, while it is open. */
const windows = new Map<string, number>();

/** How long a prompt shows before its Allow counts; the worker's test hook may lengthen it. */
export const approvalLimits = { armMs: defaultArmMs };

const queue = createApprovalQueue({
  now: Date.now,
  limits: approvalLimits,
  newId: () => crypto.randomUUID(),
  window: {
    async open(id) {
      const created = await browser.windows.create({
        url: browser.runtime.getURL(`extension/approve/index.html?id=${id}`),
        type: 'popup',
        width: 480,
        height: 400,
        focused: true,
      });
      if (created.id !== undefined) windows.set(id, created.id);
    },
    close(id) {
      const windowId = windows.get(id);
      windows.delete(id);
      if (windowId !== undefined) void browser.windows.remove(windowId).catch(() => undefined);
    },
  },
});

browser.windows.onRemoved.addListener((removed) => {
  for (const [id, windowId] of windows) {
    if (windowId !== removed) continue;
    windows.delete(id);
    queue.closed(id);
  }
});

/**
 * Asks the user in a small window whether a local program may have what it asks for. One
 * window at a time; closing it, or no answer within the time-out, is a no.
 */
export const askInWindow = (ask: ApprovalAsk): Promise<ApprovalAnswer> => queue.ask(ask);

/** What the approval window shows: programs, portal and target; never anything secret. */
export function approvalDetails(id: string): PromptView | undefined {
  return queue.details(id);
}

/** Whether the answer counted: an Allow before the prompt has shown for `approvalLimits.armMs` (1 s) does not. */
export function answerApproval(id: string, allow: boolean): boolean {
  return queue.answer(id, allow) === 'answered';
}
