import { useState } from 'preact/hooks';
import type { PopupView, Reply } from '../../src/worker-messages/protocol';
import { openOptions } from './open-options';
import { PopupHeader } from './popup-header';
import { PortalPanel } from './portal-panel';
import { StatePanel } from './state-panel';
import { Toast } from './toast';
import { useConsolePage } from './use-console-page';
import { usePopupView } from './use-popup-view';
import { useToast } from './use-toast';

export function Popup({ firstState }: { firstState: Promise<Reply<PopupView>> }) {
  const model = usePopupView(firstState);
  const toaster = useToast();
  const consolePage = useConsolePage();
  const [picked, setPicked] = useState<string>();
  const portals = model.view?.portals ?? [];
  const shown = portals.find((portal) => portal.origin === picked) ?? portals.find((portal) => portal.session === 'signed-in') ?? portals[0];
  const loading = !model.view && !model.loadError;

  return (
    <div class="popup">
      <PopupHeader portals={portals} shown={shown} refreshing={loading || (!!shown && model.refreshing.has(shown.origin))} onPick={setPicked} />
      {model.loadError && (
        <StatePanel testid="state-load-error" message={model.loadError.message} action={{ label: 'Try again', onClick: model.reload }} />
      )}
      {model.view && portals.length === 0 && (
        <StatePanel testid="state-no-portals" message="Open your DuploCloud portal and sign in; it appears here." action={{ label: 'Add a portal', onClick: openOptions }}>
          Portals at https://*.duplocloud.net work as they are. Add any other portal in the options.
        </StatePanel>
      )}
      {model.view && shown && (
        // Keyed by origin, so switching portals starts with a fresh filter and no pending click.
        <PortalPanel key={shown.origin} portal={shown} defaultFormat={model.view.defaultFormat} formats={model.view.copyFormats} model={model} toaster={toaster} consolePage={consolePage} />
      )}
      {toaster.toast && <Toast key={toaster.toast.id} toast={toaster.toast} onDismiss={toaster.dismiss} />}
    </div>
  );
}

