import { PortalsSection } from './portals-section';
import { PreferencesForm } from './preferences-form';
import { RequestLog } from './request-log';
import { TokenSection } from './token-section';
import { useWorkerList } from './use-worker-list';
import { useSettings } from './use-settings';

export function Options() {
  const { settings, locks, loadError, replace } = useSettings();
  const listing = useWorkerList('portals');
  return (
    <div class="page">
      <header class="page-header">
        <h1>DuploCloud JIT</h1>
        <p class="lead">Just-in-time AWS consoles and keys from your DuploCloud portal session.</p>
      </header>
      {loadError && (
        <p class="status status-error" role="alert">
          {loadError.message}
        </p>
      )}
      {settings && (
        <>
          <PortalsSection listing={listing} locks={locks} onlyListed={settings.onlyListedPortals} onChange={replace} />
          <TokenSection settings={settings} onChange={replace} onSignedIn={() => void listing.reload()} />
          {/* Drawn afresh when the organisation's policy changes, so the draft holds its values. */}
          <PreferencesForm key={JSON.stringify(locks)} settings={settings} locks={locks} onSaved={replace} />
          <RequestLog />
        </>
      )}
    </div>
  );
}
