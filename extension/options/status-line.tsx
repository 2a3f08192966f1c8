export interface Status {
  readonly kind: 'ok' | 'warning' | 'error';
  readonly text: string;
}

/** The outcome of the last thing a section did, next to its button. */
export function StatusLine({ status, testid }: { status: Status | undefined; testid: string }) {
  return (
    <p class={`status${status ? ` status-${status.kind}` : ''}`} data-testid={testid} role={status?.kind === 'error' ? 'alert' : 'status'}>
      {status?.text}
    </p>
  );
}
