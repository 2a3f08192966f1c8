import type { ComponentChildren } from 'preact';
import type { FieldProps } from './field-props';
import { LockedNote } from './locked-note';
import type { Preferences } from './preferences';

/** The preferences that are a switch. */
type SwitchPreference = { [K in keyof Preferences]: Preferences[K] extends boolean ? K : never }[keyof Preferences];

interface Props extends FieldProps {
  setting: SwitchPreference;
  label: string;
  testid: string;
  /** A hint under the label. */
  children?: ComponentChildren;
}

/** A labelled on/off switch for one preference, locked when the organisation set it. */
export function CheckField({ setting, label, testid, draft, update, locked, children }: Props) {
  const fixed = locked(setting);
  return (
    <label class="check">
      <input type="checkbox" data-testid={testid} checked={draft[setting]} disabled={fixed} onChange={(event) => update(setting, event.currentTarget.checked)} />
      <span>
        {label}
        {children}
        {fixed && <LockedNote />}
      </span>
    </label>
  );
}
