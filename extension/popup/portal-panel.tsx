import type { CopyFormat } from '../../src/aws/copy-formats';
import type { PortalView } from '../../src/worker-messages/protocol';
import { PortalErrorBanner } from './portal-error-banner';
import { hostOf } from './portal-picker';
import { StatePanel } from './state-panel';
import { TenantBrowser } from './tenant-browser';
import { ThisPageBar } from './this-page-bar';
import type { ConsolePageModel } from './use-console-page';
import type { PopupModel } from './use-popup-view';
import { usePortalActions } from './use-portal-actions';
import type { Toaster } from './use-toast';

interface Props {
  portal: PortalView;
  defaultFormat: CopyFormat;
  /** The formats offered: all, unless the organisation limits them. */
  formats: readonly CopyFormat[];
  model: PopupModel;
  toaster: Toaster;
  /** The tab's AWS console page, which the rows then open in the tenant picked. */
  consolePage: ConsolePageModel;
}

/** One portal: its tenants, or the state that keeps them from showing and the way out of it. */
export function PortalPanel({ portal, defaultFormat, formats, model, toaster, consolePage }: Props) {
  const { origin } = portal;
  const actions = usePortalActions({ origin, toaster, refresh: model.refresh, replacePortal: model.replacePortal, patchRow: model.patchRow, page: consolePage.page?.url });
  const refreshing = model.refreshing.has(origin);
  const host = hostOf(origin);
  const signIn = { label: 'Sign in', testid: 'sign-in', onClick: actions.signIn };
  const signInHint = `Sign in opens ${host} in a tab; once you are signed in there, your tenants appear here.`;

  const body = () => {
    switch (portal.session) {
      case 'permission-needed':
        return (
          <StatePanel testid="state-permission" message={`The extension needs your permission to reach ${host}.`} action={{ label: `Allow access to ${host}`, onClick: actions.allowAccess }}>
            It only talks to the portals you add, to list your tenants and get AWS access.
          </StatePanel>
        );
      case 'unconfirmed':
        return (
          <StatePanel testid="state-unconfirmed" message={`seen: ${host} — use it?`} action={{ label: 'Use it', testid: 'confirm-portal', onClick: actions.confirm }}>
            A page at {host} called a DuploCloud API. Many sites share duplocloud.net: use it only if it is your portal. Until then the extension sends it
            nothing.
          </StatePanel>
        );
      case 'signed-out':
        return (
          <StatePanel testid="state-signed-out" message={`Not signed in to ${host}`} action={signIn}>
            {signInHint}
          </StatePanel>
        );
      case 'expired':
        return (
          <StatePanel testid="state-expired" message={`Your session on ${host} has expired`} action={signIn}>
            {signInHint}
          </StatePanel>
        );
      case 'signed-in':
        if (portal.rows.length > 0) {
          return (
            <>
              <ThisPageBar model={consolePage} />
              <TenantBrowser rows={portal.rows} defaultFormat={defaultFormat} formats={formats} actions={actions} />
            </>
          );
        }
        if (refreshing) return <p class="loading">Loading your tenants from {host}…</p>;
        if (portal.error) return null;
        return (
          <StatePanel testid="state-no-tenants" message={`No tenants for your user on ${host}.`}>
            Ask your DuploCloud administrator for access to a tenant, then open this again.
          </StatePanel>
        );
    }
  };

  return (
    <>
      {portal.error && <PortalErrorBanner error={portal.error} retrying={refreshing} onRetry={() => model.refresh(origin)} />}
      {body()}
    </>
  );
}
