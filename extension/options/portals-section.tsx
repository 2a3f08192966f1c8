import { useState } from 'preact/hooks';
import type { PortalListing, ReplyOf } from '../../src/worker';
import type { WorkerRequest } from '../../src/worker-messages/protocol';
import type { Settings } from '../../src/settings/settings';
import type { ManagedLocks } from '../../src/settings/managed-merge';
import { askWorker } from '../shared/ask-worker';
import { AddPortalForm } from './add-portal-form';
import { Card } from './card';
import { LockedNote } from './locked-note';
import { PortalItem, type PortalAction } from './portal-item';
import { StatusLine, type Status } from './status-line';
import type { WorkerList } from './use-worker-list';

interface Props {
  listing: WorkerList<'portals'>;
  /** The organisation's portals (not removable) and whether its session switch is locked. */
  locks: ManagedLocks;
  /** The organisation allows only its own portals: adding one is not offered. */
  onlyListed: boolean;
  onChange: (settings: Settings) => void;
}

const host = (origin: string) => new URL(origin).host;

/** What each action asks the worker, and what the user reads when it worked. */
const actions: Record<PortalAction, { request: (origin: string) => WorkerRequest; done: (origin: string) => string }> = {
  confirm: { request: (origin) => ({ type: 'confirm-portal', origin }), done: (origin) => `${host(origin)} is in use: its tenants appear in the popup.` },
  forget: { request: (origin) => ({ type: 'forget-session', origin }), done: (origin) => `Signed out of ${host(origin)}; its keys were dropped.` },
  remove: { request: (origin) => ({ type: 'remove-portal', origin }), done: (origin) => `Removed ${origin}.` },
};

export function PortalsSection({ listing, locks, onlyListed, onChange }: Props) {
  const [status, setStatus] = useState<Status>();
  const [busy, setBusy] = useState<string>();

  /** Runs one request for a portal; `done` gets its answer when it worked, and says what happened. */
  const run = async <Request extends WorkerRequest>(origin: string, request: Request, done: (value: ReplyOf<Request['type']>) => string) => {
    setBusy(origin);
    const reply = await askWorker(request);
    setStatus(reply.ok ? { kind: 'ok', text: done(reply.value) } : { kind: 'error', text: reply.error.message });
    await listing.reload();
    setBusy(undefined);
  };

  const act = (action: PortalAction, portal: PortalListing) =>
    run(portal.origin, actions[action].request(portal.origin), (value) => {
      // Only removing changes the settings (the added portals); its answer is them.
      if (action === 'remove') onChange(value as Settings);
      return actions[action].done(portal.origin);
    });

  const shareToken = (portal: PortalListing, on: boolean) =>
    run(portal.origin, { type: 'share-token', origin: portal.origin, on }, (settings) => {
      onChange(settings);
      return on ? `Programs may ask for your ${host(portal.origin)} session; each request is asked.` : `Programs can no longer get your ${host(portal.origin)} session.`;
    });

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
            <PortalItem
              key={portal.origin}
              portal={portal}
              busy={busy === portal.origin}
              managed={locks.portals.includes(portal.origin)}
              sharingLocked={locks.settings.includes('tokenSharing')}
              onAction={(action, target) => void act(action, target)}
              onShareToken={(target, on) => void shareToken(target, on)}
            />
          ))}
        </ul>
      )}
      <StatusLine status={status} testid="portals-status" />
      {onlyListed ? (
        <p class="hint" data-testid="only-listed-portals">
          Your organisation allows only the portals above. <LockedNote />
        </p>
      ) : (
        <AddPortalForm
          onAdded={(settings) => {
            onChange(settings);
            void listing.reload();
          }}
        />
      )}
    </Card>
  );
}
