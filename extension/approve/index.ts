import type { PromptView, WaitingProgram } from '../../src/worker';
import { askWorker } from '../shared/ask-worker';

const id = new URLSearchParams(location.search).get('id') ?? '';
const element = (name: string) => document.getElementById(name)!;
const show = (name: string, text: string) => {
  element(name).textContent = text;
};

/** A program as the user can judge it: its name, and where it runs from when the host could see that. */
function programItem(program: WaitingProgram): HTMLLIElement {
  const item = document.createElement('li');
  const name = document.createElement('strong');
  name.textContent = program.name;
  const detail = document.createElement('span');
  detail.className = 'muted';
  const times = program.requests > 1 ? `, ${program.requests} requests` : '';
  detail.textContent = program.verified ? ` ${program.parentExe}${times}` : ` not verified: as the program says${times}`;
  item.append(name, detail);
  return item;
}

/** How often the window asks again: a program that joins the prompt must appear before Allow can count for it. */
const pollMs = 300;
const allow = element('allow') as HTMLButtonElement;
let allowAt = Number.POSITIVE_INFINITY;
let deadline = 0;

/** The title, the question and the access line, in the words of what the program would get. */
function describe({ target, origin, programs }: PromptView): { title?: string; question: string; access: string; warning?: string } {
  const asks = programs.length > 1 ? `${programs.length} programs on this computer ask` : 'A program on this computer asks';
  switch (target.kind) {
    case 'tenants':
      return { title: 'Allow the tenant list?', question: `${asks} for the list of your tenants.`, access: 'Tenant list' };
    case 'scope':
      return { question: `${asks} for AWS credentials from your DuploCloud session.`, access: target.name };
    case 'k8s':
      return { title: 'Allow Kubernetes credentials?', question: `${asks} for Kubernetes credentials from your DuploCloud session.`, access: target.name };
    case 'portal-token':
      return {
        title: 'Give your DuploCloud session to a program?',
        question: `${asks} for your DuploCloud session itself, not for AWS credentials.`,
        access: 'Your whole portal session',
        warning: `It can do anything you can do on ${new URL(origin).host}, until the session ends.`,
      };
  }
}

function render(prompt: PromptView): void {
  const words = describe(prompt);
  if (words.title) {
    show('title', words.title);
    document.title = `${words.title} · DuploCloud JIT`;
  }
  show('question', words.question);
  element('warning').hidden = !words.warning;
  show('warning', words.warning ?? '');
  element('programs').replaceChildren(...prompt.programs.map(programItem));
  show('portal', new URL(prompt.origin).host);
  show('scope', words.access);
  // The worker ignores an Allow sooner than this too; disabled, the button says so.
  allowAt = Date.now() + prompt.allowInMs;
  deadline = Date.now() + prompt.closesInMs;
}

function tick(): void {
  allow.disabled = Date.now() < allowAt;
  show('countdown', `Denied automatically in ${Math.max(0, Math.ceil((deadline - Date.now()) / 1000))} s.`);
}

async function refresh(): Promise<boolean> {
  const reply = await askWorker({ type: 'approval', id });
  if (!reply.ok || !reply.value) {
    allow.disabled = true;
    show('question', 'This request has already been answered or has expired.');
    return false;
  }
  render(reply.value);
  tick();
  return true;
}

async function load(): Promise<void> {
  if (!(await refresh())) return;
  const poll = async () => {
    if (await refresh()) setTimeout(() => void poll(), pollMs);
  };
  setTimeout(() => void poll(), pollMs);
  setInterval(tick, 100);
  for (const [button, yes] of [['allow', true], ['deny', false]] as const) {
    element(button).addEventListener('click', () => {
      void askWorker({ type: 'approval-answer', id, allow: yes }).then((counted) => {
        if (counted.ok && counted.value) window.close();
      });
    });
  }
}

void load();
