import type { ComponentChildren } from 'preact';
import type { IntegerBounds } from '../../src/settings/settings';
import { LockedNote } from './locked-note';

interface Props {
  label: string;
  testid: string;
  /** The setting's bounds from the settings schema, so the box offers what saving accepts. */
  bounds: IntegerBounds;
  /** As typed: the form checks it when saving, to say what is wrong in words. */
  value: string;
  onInput: (value: string) => void;
  /** A word after the box, such as `seconds`. */
  unit?: string;
  /** Set by the organisation: shown, not changeable. */
  locked?: boolean;
  /** A hint under the box. */
  children?: ComponentChildren;
}

/** A labelled box for a whole number. */
export function NumberField({ label, testid, bounds, value, onInput, unit, locked = false, children }: Props) {
  const input = (
    <input type="number" min={bounds.min} max={bounds.max} step={1} data-testid={testid} value={value} disabled={locked} onInput={(event) => onInput(event.currentTarget.value)} />
  );
  return (
    <label class="field">
      <span>{label}</span>
      {unit === undefined ? (
        input
      ) : (
        <span class="with-unit">
          {input}
          <span>{unit}</span>
        </span>
      )}
      {locked && <LockedNote />}
      {children}
    </label>
  );
}
