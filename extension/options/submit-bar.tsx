import { StatusLine, type Status } from './status-line';

interface SubmitBarProps {
  readonly label: string;
  /** Shown on the button while the worker is answering. */
  readonly busyLabel: string;
  readonly busy: boolean;
  readonly status: Status | undefined;
  readonly testid: string;
  readonly className?: string;
}

/** A form's submit button with the line that reports how it went. */
export function SubmitBar({ label, busyLabel, busy, status, testid, className = 'actions' }: SubmitBarProps) {
  return (
    <div class={className}>
      <button type="submit" class="btn btn-primary" data-testid={testid} disabled={busy}>
        {busy ? busyLabel : label}
      </button>
      <StatusLine status={status} testid={`${testid}-status`} />
    </div>
  );
}
