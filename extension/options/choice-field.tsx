import type { ComponentChildren } from 'preact';
import { LockedNote } from './locked-note';

interface Props<T extends string> {
  label: string;
  testid: string;
  choices: readonly T[];
  labels: Readonly<Record<T, string>>;
  value: T;
  onChange: (choice: T) => void;
  /** Set by the organisation: shown, not changeable. */
  locked?: boolean;
  /** A hint under the list. */
  children?: ComponentChildren;
}

/** A labelled drop-down of a fixed set of choices; only one of them can come back. */
export function ChoiceField<T extends string>({ label, testid, choices, labels, value, onChange, locked = false, children }: Props<T>) {
  return (
    <label class="field">
      <span>{label}</span>
      <select
        data-testid={testid}
        value={value}
        disabled={locked}
        onChange={(event) => {
          const choice = choices.find((candidate) => candidate === event.currentTarget.value);
          if (choice) onChange(choice);
        }}
      >
        {choices.map((choice) => (
          <option key={choice} value={choice}>
            {labels[choice]}
          </option>
        ))}
      </select>
      {locked && <LockedNote />}
      {children}
    </label>
  );
}
