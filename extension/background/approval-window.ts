import browser from 'webextension-polyfill';
import type { ApprovalAnswer, ApprovalAsk } from '../../src/access/approvals';

interface Waiting {
  readonly ask: ApprovalAsk;
  readonly answer: (given: ApprovalAnswer) => void;
}

const waiting = new Map<string, Waiting>();

/**
 * Asks the user in a small window whether a local program may have credentials. Closing the
 * window, or no answer within the time-out, is a no.
 */
export async function askInWindow(ask: ApprovalAsk): Promise<ApprovalAnswer> {
  const id = crypto.randomUUID();
  // Known once the window exists; the ask is registered first so its page always finds it.
  const opened: { windowId?: number } = {};
  const answered = new Promise<ApprovalAnswer>((resolve) => {
    const finish = (given: ApprovalAnswer) => {
      if (!waiting.delete(id)) return;
      clearTimeout(timer);
      browser.windows.onRemoved.removeListener(closed);
      if (opened.windowId !== undefined) void browser.windows.remove(opened.windowId).catch(() => undefined);
      resolve(given);
    };
    const closed = (removed: number) => {
      if (removed === opened.windowId) finish('deny');
    };
    const timer = setTimeout(() => finish('timeout'), ask.timeoutSeconds * 1000);
    browser.windows.onRemoved.addListener(closed);
    waiting.set(id, { ask, answer: finish });
  });
  const created = await browser.windows.create({
    url: browser.runtime.getURL(`extension/approve/index.html?id=${id}`),
    type: 'popup',
    width: 460,
    height: 340,
    focused: true,
  });
  opened.windowId = created.id;
  return answered;
}

/** What the approval window shows: program, portal and scope; never anything secret. */
export function approvalDetails(id: string): ApprovalAsk | undefined {
  return waiting.get(id)?.ask;
}

export function answerApproval(id: string, allow: boolean): boolean {
  const entry = waiting.get(id);
  entry?.answer(allow ? 'allow' : 'deny');
  return entry !== undefined;
}
