import { targetKey, type ApprovalAnswer, type ApprovalAsk, type ApprovalTarget } from './approval-ask';
import { programKey } from './program-identity';

/** The one window that shows a prompt: opened for a prompt id, closed by id (closing it by hand is `closed`). */
export interface PromptWindow {
  open(id: string): Promise<void>;
  close(id: string): void;
}

export interface WaitingProgram {
  readonly name: string;
  readonly verified: boolean;
  readonly exe: string;
  readonly parentExe: string;
  /** The requests it has waiting: one program may ask many times at once (50 `aws` runs). */
  readonly requests: number;
}

/** What the prompt window shows; nothing in it is secret. */
export interface PromptView {
  readonly origin: string;
  readonly target: ApprovalTarget;
  readonly programs: readonly WaitingProgram[];
  /** Until the last waiting request gives up (then the window closes by itself). */
  readonly closesInMs: number;
  /** Until Allow counts: a click that lands sooner is ignored. */
  readonly allowInMs: number;
}

export interface QueueOptions {
  readonly now: () => number;
  readonly window: PromptWindow;
  readonly newId: () => string;
  /** Prompts at once, the one shown included; an ask that needs one more is refused (`busy`). */
  readonly maxPrompts?: number;
  /** Requests waiting in all prompts together. */
  readonly maxWaiting?: number;
  /** How long the prompt must have been on screen before Allow counts; read at each answer, so the worker's test hook can lengthen it. */
  readonly limits?: { readonly armMs: number };
}

interface Entry {
  readonly ask: ApprovalAsk;
  /** The line it is listed on: one per verified program; an unverified request is a line of its own (its name proves nothing). */
  readonly group: string;
  readonly since: number;
  readonly resolve: (answer: ApprovalAnswer) => void;
  timer?: ReturnType<typeof setTimeout>;
}

interface Prompt {
  readonly id: string;
  readonly key: string;
  readonly entries: Entry[];
  shown: boolean;
  /** When the window first fetched the list as it is now; a new program on it clears this, so Allow waits again. */
  seenAt?: number;
}

export const defaultMaxPrompts = 5;
export const defaultMaxWaiting = 200;
export const defaultArmMs = 1_000;

function groupPrograms(entries: readonly Entry[]): WaitingProgram[] {
  const groups = new Map<string, WaitingProgram>();
  for (const { ask, group } of entries) {
    const { name, peer } = ask.program;
    const seen = groups.get(group);
    groups.set(group, { name, verified: peer.verified, exe: peer.exe, parentExe: peer.parentExe, requests: (seen?.requests ?? 0) + 1 });
  }
  return [...groups.values()];
}

/**
 * The prompts local programs wait on. At most one window is open: the others queue, and the
 * queue is bounded, so a flood of asks (fake tenant IDs) opens one window and the rest are
 * refused at once. Asks for the same portal and target share one prompt, which lists every
 * program waiting on it (the window polls, so a program that joins while it is open appears).
 * A yes answers every request on the list, so it must be the list the user saw: Allow counts
 * only once the window has shown the current list for `limits.armMs`, and a new program on the list
 * starts that wait again. Deny and close count at once.
 */
export function createApprovalQueue({ now, window, newId, maxPrompts = defaultMaxPrompts, maxWaiting = defaultMaxWaiting, limits = { armMs: defaultArmMs } }: QueueOptions) {
  const prompts: Prompt[] = [];
  let waiting = 0;
  let unverified = 0;

  const showNext = () => {
    const next = prompts[0];
    if (!next || next.shown) return;
    next.shown = true;
    // A window that cannot open cannot be answered: a no, rather than a wait until the time-out.
    window.open(next.id).catch(() => finish(next, 'deny'));
  };

  const remove = (prompt: Prompt) => {
    const at = prompts.indexOf(prompt);
    if (at < 0) return;
    prompts.splice(at, 1);
    if (prompt.shown) window.close(prompt.id);
    showNext();
  };

  const settle = (prompt: Prompt, entry: Entry, answer: ApprovalAnswer) => {
    const at = prompt.entries.indexOf(entry);
    if (at < 0) return;
    prompt.entries.splice(at, 1);
    waiting--;
    clearTimeout(entry.timer);
    entry.resolve(answer);
    if (prompt.entries.length === 0) remove(prompt);
  };

  const finish = (prompt: Prompt, answer: ApprovalAnswer) => {
    for (const entry of [...prompt.entries]) settle(prompt, entry, answer);
  };

  const shownPrompt = (id: string) => prompts.find((prompt) => prompt.id === id && prompt.shown);

  return {
    ask(ask: ApprovalAsk): Promise<ApprovalAnswer> {
      const key = `${ask.origin} ${targetKey(ask.target)}`;
      let prompt = prompts.find((each) => each.key === key);
      if (waiting >= maxWaiting || (!prompt && prompts.length >= maxPrompts)) return Promise.resolve('busy');
      if (!prompt) prompts.push((prompt = { id: newId(), key, entries: [], shown: false }));
      const group = programKey(ask.program) ?? `unverified ${++unverified}`;
      if (!prompt.entries.some((entry) => entry.group === group)) prompt.seenAt = undefined;
      const joined = prompt;
      waiting++;
      return new Promise((resolve) => {
        const entry: Entry = { ask, group, since: now(), resolve };
        entry.timer = setTimeout(() => settle(joined, entry, 'timeout'), ask.timeoutSeconds * 1000);
        joined.entries.push(entry);
        showNext();
      });
    },

    /** What the window for `id` shows; the first ask for the current list starts the time Allow must wait. */
    details(id: string): PromptView | undefined {
      const prompt = shownPrompt(id);
      const first = prompt?.entries[0];
      if (!prompt || !first) return undefined;
      const at = now();
      prompt.seenAt ??= at;
      const closesAt = Math.max(...prompt.entries.map((entry) => entry.since + entry.ask.timeoutSeconds * 1000));
      return {
        origin: first.ask.origin,
        target: first.ask.target,
        programs: groupPrograms(prompt.entries),
        closesInMs: Math.max(0, closesAt - at),
        allowInMs: Math.max(0, prompt.seenAt + limits.armMs - at),
      };
    },

    /** The user's answer; an Allow before the window has been seen for `limits.armMs` is ignored (`too-early`). */
    answer(id: string, allow: boolean): 'answered' | 'too-early' | 'unknown' {
      const prompt = shownPrompt(id);
      if (!prompt) return 'unknown';
      if (allow && (prompt.seenAt === undefined || now() - prompt.seenAt < limits.armMs)) return 'too-early';
      finish(prompt, allow ? 'allow' : 'deny');
      return 'answered';
    },

    /** The user closed the window: a no for every program it listed. */
    closed(id: string): void {
      const prompt = shownPrompt(id);
      if (prompt) finish(prompt, 'deny');
    },
  };
}
export type ApprovalQueue = ReturnType<typeof createApprovalQueue>;
