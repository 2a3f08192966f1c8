import type { ComponentChildren } from 'preact';
import { LockedNote } from './locked-note';

interface Props {
  label: string;
  testid: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** Set by the organisation: shown, not changeable. */
  locked?: boolean;
  /** A hint under the label. */
  children?: ComponentChildren;
}

/** A labelled on/off switch. */
export function CheckField({ label, testid, checked, onChange, locked = false, children }: Props) {
  return (
    <label class="check">
      <input type="checkbox" data-testid={testid} checked={checked} disabled={locked} onChange={(event) => onChange(event.currentTarget.checked)} />
      <span>
        {label}
        {children}
        {locked && <LockedNote />}
      </span>
    </label>
  );
}
