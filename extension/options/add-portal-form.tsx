import type { TargetedSubmitEvent } from 'preact';
import { useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { Settings } from '../../src/settings/settings';
import { askWorker } from '../shared/ask-worker';
import { hostPattern } from '../shared/host-pattern';
import type { Status } from './status-line';
import { SubmitBar } from './submit-bar';
import { TextField } from './text-field';

/** Host patterns for what the user typed; what does not parse is left for the worker to explain. */
function hostPatterns(...inputs: string[]): string[] {
  return inputs.flatMap((input) => {
    if (!input.trim()) return [];
    try {
      return [hostPattern(new URL(input.trim()).origin)];
    } catch {
      return [];
    }
  });
}

/** Asks the browser for access; the manifest's own hosts, such as loopback, are granted at once. */
async function requestAccess(patterns: string[]): Promise<boolean> {
  if (patterns.length === 0) return false;
  try {
    return await browser.permissions.request({ origins: patterns });
  } catch {
    // A pattern the manifest does not allow (http on a remote host) cannot even be asked for.
    return false;
  }
}

export function AddPortalForm({ onAdded }: { onAdded: (settings: Settings) => void }) {
  const [origin, setOrigin] = useState('');
  const [apiHost, setApiHost] = useState('');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status>();

  const submit = async (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    // Asked before anything else is awaited: the browser prompts only inside the click.
    const granted = await requestAccess(hostPatterns(origin, apiHost));
    const reply = await askWorker({ type: 'add-portal', origin: origin.trim(), ...(apiHost.trim() ? { apiHost: apiHost.trim() } : {}) });
    setBusy(false);
    if (!reply.ok) {
      setStatus({ kind: 'error', text: reply.error.message });
      return;
    }
    onAdded(reply.value);
    setOrigin('');
    setApiHost('');
    setStatus(
      granted
        ? { kind: 'ok', text: 'Added. Sign in to the portal in a tab; its tenants then appear in the popup.' }
        : { kind: 'warning', text: 'Added, but the extension may not reach it yet. Choose "Allow access" in the popup.' },
    );
  };

  return (
    <form class="subform" onSubmit={(event) => void submit(event)}>
      <h3>Add a portal</h3>
      <div class="field-row">
        <TextField label="Portal URL" inputMode="url" required testid="portal-origin" placeholder="https://duplo.example.com" value={origin} onInput={setOrigin} />
        <TextField
          inputMode="url"
          label={
            <>
              API host <span class="optional">(optional)</span>
            </>
          }
          testid="portal-api-host"
          placeholder="Only if the API has its own address"
          value={apiHost}
          onInput={setApiHost}
        />
      </div>
      <SubmitBar label="Add portal" busyLabel="Adding…" busy={busy} status={status} testid="add-portal" />
    </form>
  );
}
