import type { ApprovalAsk } from '../../src/access/approvals';
import { askWorker } from '../shared/ask-worker';

const id = new URLSearchParams(location.search).get('id') ?? '';
const show = (element: string, text: string) => {
  document.getElementById(element)!.textContent = text;
};

async function load(): Promise<void> {
  const reply = await askWorker<ApprovalAsk | null>({ type: 'approval', id });
  if (!reply.ok || !reply.value) {
    show('question', 'This request has already been answered or has expired.');
    return;
  }
  const ask = reply.value;
  show('question', 'A program on this computer asks for AWS credentials from your DuploCloud session.');
  show('program', ask.client.command || `process ${ask.client.pid}`);
  show('portal', new URL(ask.origin).host);
  show('scope', ask.scopeName);
  const deadline = Date.now() + ask.timeoutSeconds * 1000;
  const tick = () => show('countdown', `Denied automatically in ${Math.max(0, Math.ceil((deadline - Date.now()) / 1000))} s.`);
  tick();
  setInterval(tick, 1000);
  for (const [button, allow] of [['allow', true], ['deny', false]] as const) {
    document.getElementById(button)!.addEventListener('click', () => {
      void askWorker({ type: 'approval-answer', id, allow }).then(() => window.close());
    });
  }
}

void load();
