import { useState } from 'preact/hooks';
import type { Settings } from '../../src/settings/settings';
import { askWorker } from '../shared/ask-worker';
import { AddPortalForm } from './add-portal-form';
import { StatusLine, type Status } from './status-line';

interface Props {
  settings: Settings;
  onChange: (settings: Settings) => void;
}

export function PortalsSection({ settings, onChange }: Props) {
  const [status, setStatus] = useState<Status>();
  const [removing, setRemoving] = useState<string>();

  const remove = async (origin: string) => {
    setRemoving(origin);
    const reply = await askWorker<Settings>({ type: 'remove-portal', origin });
    setRemoving(undefined);
    if (reply.ok) {
      onChange(reply.value);
      setStatus({ kind: 'ok', text: `Removed ${origin}.` });
    } else setStatus({ kind: 'error', text: reply.error.message });
  };

  return (
    <section class="card" aria-labelledby="portals-title">
      <h2 id="portals-title">Portals</h2>
      <p class="hint">
        Portals at <code>https://*.duplocloud.net</code> work with no set-up: sign in to yours in a tab and it appears in the popup. Add a portal
        here only when it lives at another address.
      </p>
      {settings.portals.length > 0 && (
        <ul class="portal-list">
          {settings.portals.map((portal) => (
            <li key={portal.origin} class="portal-item" data-testid="portal">
              <div class="portal-names">
                <span class="portal-origin">{portal.origin}</span>
                {portal.apiHost && <span class="portal-api">API at {portal.apiHost}</span>}
              </div>
              <button type="button" class="btn" disabled={removing === portal.origin} onClick={() => void remove(portal.origin)}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <StatusLine status={status} testid="portals-status" />
      <AddPortalForm onAdded={onChange} />
    </section>
  );
}
