import { Icon } from './icon';
import type { ToastMessage } from './use-toast';

export function Toast({ toast, onDismiss }: { toast: ToastMessage; onDismiss: () => void }) {
  const error = toast.kind === 'error';
  return (
    <div class={`toast toast-${toast.kind}`} data-testid="toast" role={error ? 'alert' : 'status'}>
      <Icon name={error ? 'alert' : 'check'} />
      <span class="toast-text">{toast.text}</span>
      {toast.action && (
        <button type="button" class="btn" data-testid={toast.action.testid} onClick={toast.action.run}>
          {toast.action.label}
        </button>
      )}
      {error && (
        <button type="button" class="icon-button" aria-label="Dismiss" title="Dismiss" onClick={onDismiss}>
          <Icon name="close" />
        </button>
      )}
    </div>
  );
}
