import type { ComponentChildren } from 'preact';

interface Props {
  testid: string;
  message: string;
  children?: ComponentChildren;
  action?: { label: string; onClick: () => void; testid?: string };
}

/** A portal with nothing to list yet: what is going on, and the one thing to do next. */
export function StatePanel({ testid, message, children, action }: Props) {
  return (
    <section class="state" data-testid={testid}>
      <p class="state-message">{message}</p>
      {children && <p class="state-hint">{children}</p>}
      {action && (
        <button type="button" class="btn btn-primary" data-testid={action.testid} onClick={action.onClick}>
          {action.label}
        </button>
      )}
    </section>
  );
}
