import type { TargetedSubmitEvent } from 'preact';
import { useState } from 'preact/hooks';
import type { Settings } from '../../src/settings/settings';
import { askWorker } from '../shared/ask-worker';
import { Card } from './card';
import type { Status } from './status-line';
import { SubmitBar } from './submit-bar';
import { TextField } from './text-field';

interface Props {
  settings: Settings;
  onChange: (settings: Settings) => void;
  /** The portal list above shows the new session. */
  onSignedIn: () => void;
}

export function TokenSection({ settings, onChange, onSignedIn }: Props) {
  const [origin, setOrigin] = useState(settings.portals.length === 1 ? (settings.portals[0]?.origin ?? '') : '');
  const [token, setToken] = useState('');
  const [remember, setRemember] = useState(settings.rememberToken);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status>();

  const submit = async (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const pasted = token.trim();
    // Out of the page before the answer comes, whatever it is.
    setToken('');
    if (!pasted) {
      setStatus({ kind: 'error', text: 'Paste the token first.' });
      return;
    }
    setBusy(true);
    const reply = await askWorker({ type: 'paste-token', origin: origin.trim(), token: pasted, remember });
    setBusy(false);
    if (!reply.ok) {
      setStatus({ kind: 'error', text: reply.error.message });
      return;
    }
    setStatus({ kind: 'ok', text: 'Signed in. Your tenants appear in the popup.' });
    onSignedIn();
    if (remember !== settings.rememberToken) {
      // The choice is kept as the default for the next token; it holds no secret.
      const saved = await askWorker({ type: 'save-settings', settings: { rememberToken: remember } });
      if (saved.ok) onChange(saved.value);
    }
  };

  return (
    <Card titleId="token-title" title="Sign in with an API token">
      <p class="hint">
        For a portal where the extension cannot see your browser session, paste an API token from the portal's user profile. It is checked with the portal
        before it is used.
      </p>
      <form onSubmit={(event) => void submit(event)}>
        <div class="field-row">
          <TextField label="Portal URL" inputMode="url" required list="known-portals" testid="token-origin" placeholder="https://acme.duplocloud.net" value={origin} onInput={setOrigin}>
            <datalist id="known-portals">
              {settings.portals.map((portal) => (
                <option key={portal.origin} value={portal.origin} />
              ))}
            </datalist>
          </TextField>
          <label class="field">
            <span>API token</span>
            <input
              type="password"
              required
              data-testid="token"
              autocomplete="off"
              spellcheck={false}
              value={token}
              onInput={(event) => setToken(event.currentTarget.value)}
            />
          </label>
        </div>
        <label class="check">
          <input type="checkbox" data-testid="remember-token" checked={remember} onChange={(event) => setRemember(event.currentTarget.checked)} />
          <span>
            Remember this token on this computer
            <small>Otherwise it is kept only until the browser closes.</small>
          </span>
        </label>
        <SubmitBar label="Sign in" busyLabel="Checking…" busy={busy} status={status} testid="paste-token" />
      </form>
    </Card>
  );
}
