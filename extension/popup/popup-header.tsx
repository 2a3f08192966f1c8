import type { PortalView } from '../../src/worker-messages/protocol';
import { Icon } from './icon';
import { openOptions } from './open-options';
import { PortalPicker } from './portal-picker';

interface Props {
  portals: readonly PortalView[];
  shown: PortalView | undefined;
  refreshing: boolean;
  onPick: (origin: string) => void;
}

export function PopupHeader({ portals, shown, refreshing, onPick }: Props) {
  return (
    <header class="header">
      <div class="brand">
        <h1>DuploCloud JIT</h1>
        {(shown || refreshing) && (
          <div class="subtitle">
            {shown && <PortalPicker portals={portals} shown={shown.origin} onPick={onPick} />}
            {refreshing && <span class="spinner" data-testid="refreshing" role="status" aria-label="Refreshing" title="Refreshing" />}
          </div>
        )}
      </div>
      <button type="button" class="icon-button" title="Options" aria-label="Options" onClick={openOptions}>
        <Icon name="gear" />
      </button>
    </header>
  );
}
