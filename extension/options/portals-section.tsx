import { useState } from 'preact/hooks';
import type { PortalListing } from '../../src/worker';
import type { WorkerRequest } from '../../src/worker-messages/protocol';
import type { Settings } from '../../src/settings/settings';
import { askWorker } from '../shared/ask-worker';
import { AddPortalForm } from './add-portal-form';
import { Card } from './card';
import { PortalItem, type PortalAction } from './portal-item';
import { StatusLine, type Status } from './status-line';
import type { WorkerList } from './use-worker-list';

interface Props {
  listing: WorkerList<'portals'>;
  onChange: (settings: Settings) => void;
}

const host = (origin: string) => new URL(origin).host;

/** What each action asks the worker, and what the user reads when it worked. */
const actions: Record<PortalAction, { request: (origin: string) => WorkerRequest; done: (origin: string) => string }> = {
  confirm: { request: (origin) => ({ type: 'confirm-portal', origin }), done: (origin) => `${host(origin)} is in use: its tenants appear in the popup.` },
  forget: { request: (origin) => ({ type: 'forget-session', origin }), done: (origin) => `Signed out of ${host(origin)}; its keys were dropped.` },
  remove: { request: (origin) => ({ type: 'remove-portal', origin }), done: (origin) => `Removed ${origin}.` },
};

export function PortalsSection({ listing, onChange }: Props) {
  const [status, setStatus] = useState<Status>();
  const [busy, setBusy] = useState<string>();

  const act = async (action: PortalAction, portal: PortalListing) => {
    setBusy(portal.origin);
    const reply = await askWorker(actions[action].request(portal.origin));
    if (reply.ok) {
      // Only removing changes the settings (the added portals); its answer is them.
      if (action === 'remove') onChange(reply.value as Settings);
      setStatus({ kind: 'ok', text: actions[action].done(portal.origin) });
    } else setStatus({ kind: 'error', text: reply.error.message });
    await listing.reload();
    setBusy(undefined);
  };

  const portals = listing.value ?? [];
  return (
    <Card titleId="portals-title" title="Portals">
      <p class="hint">
        A portal at <code>https://*.duplocloud.net</code> is picked up when you sign in to it in a tab. Many sites share that domain, so the extension uses
        one it only saw after you confirm it. Add a portal here when it lives at another address.
      </p>
      {listing.error && <StatusLine status={{ kind: 'error', text: listing.error.message }} testid="portals-load-status" />}
      {listing.value?.length === 0 && <p class="hint">No portal yet.</p>}
      {portals.length > 0 && (
        <ul class="portal-list">
          {portals.map((portal) => (
            <PortalItem key={portal.origin} portal={portal} busy={busy === portal.origin} onAction={(action, target) => void act(action, target)} />
          ))}
        </ul>
      )}
      <StatusLine status={status} testid="portals-status" />
      <AddPortalForm
        onAdded={(settings) => {
          onChange(settings);
          void listing.reload();
        }}
      />
    </Card>
  );
}
