import type { ViewError } from '../../src/worker-messages/protocol';
import { Icon } from './icon';

export function PortalErrorBanner({ error, retrying, onRetry }: { error: ViewError; retrying: boolean; onRetry: () => void }) {
  return (
    <div class="banner" role="alert">
      <Icon name="alert" />
      <span class="banner-text" data-testid="portal-error">
        {error.message}
      </span>
      <button type="button" class="btn btn-small" disabled={retrying} onClick={onRetry}>
        {retrying ? 'Retrying…' : 'Retry'}
      </button>
    </div>
  );
}
