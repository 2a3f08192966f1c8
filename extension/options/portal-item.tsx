import type { PortalListing, PortalStanding } from '../../src/worker';
import { LockedNote } from './locked-note';

const standingLabels: Record<PortalStanding, string> = {
  added: 'Added here',
  'signed-in': 'Signed in through the extension',
  pasted: 'Token pasted here',
  confirmed: 'Seen in a tab, confirmed',
  seen: 'Seen in a tab, waiting for you',
};

const sessionLabels: Record<PortalListing['session'], string> = {
  'signed-in': 'signed in',
  'signed-out': 'not signed in',
  expired: 'session expired',
  'permission-needed': 'needs access permission',
};

export type PortalAction = 'confirm' | 'forget' | 'remove';

interface Props {
  portal: PortalListing;
  busy: boolean;
  /** Set by the organisation: listed always, not removable. */
  managed: boolean;
  /** The organisation does not let programs have a session. */
  sharingLocked: boolean;
  onAction: (action: PortalAction, portal: PortalListing) => void;
  onShareToken: (portal: PortalListing, on: boolean) => void;
}

/** One portal: where it came from, its session, and what the user can do with it. */
export function PortalItem({ portal, busy, managed, sharingLocked, onAction, onShareToken }: Props) {
  const seen = portal.standing === 'seen';
  // A seen portal's token is held but never used: saying "signed in" would claim otherwise.
  const session = seen ? 'its token is not used until you confirm it' : sessionLabels[portal.session];
  const hasSession = portal.session === 'signed-in' || portal.session === 'expired';
  const button = (action: PortalAction, label: string, primary = false) => (
    <button type="button" class={primary ? 'btn btn-primary' : 'btn'} data-testid={`portal-${action}`} disabled={busy} onClick={() => onAction(action, portal)}>
      {label}
    </button>
  );
  return (
    <li class={`portal-item${seen ? ' portal-seen' : ''}`} data-testid="portal" data-origin={portal.origin} data-standing={portal.standing} data-session={portal.session} data-managed={managed}>
      <div class="portal-names">
        <span class="portal-origin">{seen ? `seen: ${new URL(portal.origin).host} — use it?` : portal.origin}</span>
        {portal.apiHost && <span class="portal-api">API at {portal.apiHost}</span>}
        {managed && <LockedNote />}
        <span class="portal-state" data-testid="portal-state">
          <span class={`badge badge-${portal.standing}`}>{standingLabels[portal.standing]}</span> {session}
        </span>
        {!seen && (
          <label class="check">
            <input type="checkbox" data-testid="portal-share-token" checked={portal.sharesToken} disabled={busy || sharingLocked} onChange={(event) => onShareToken(portal, event.currentTarget.checked)} />
            <span>
              Programs may ask for my session
              <small>For duplo-jit-bridge duplo (duploctl, Terraform): a program you allow can do anything you can do on this portal. Each request is asked.</small>
              {sharingLocked && <LockedNote />}
            </span>
          </label>
        )}
      </div>
      <div class="portal-actions">
        {seen && button('confirm', 'Use it', true)}
        {!seen && hasSession && button('forget', 'Forget session')}
        {!managed && button('remove', 'Remove')}
      </div>
    </li>
  );
}
