import type { ComponentChildren } from 'preact';

interface Props {
  label: ComponentChildren;
  value: string;
  onInput: (value: string) => void;
  placeholder: string;
  testid: string;
  required?: boolean;
  /** A datalist of known portals, given as `children`. */
  list?: string;
  children?: ComponentChildren;
}

/** A labelled text box for a portal or API address. */
export function UrlField({ label, value, onInput, placeholder, testid, required = false, list, children }: Props) {
  return (
    <label class="field">
      <span>{label}</span>
      <input
        type="text"
        inputmode="url"
        required={required}
        list={list}
        data-testid={testid}
        placeholder={placeholder}
        autocomplete="off"
        value={value}
        onInput={(event) => onInput(event.currentTarget.value)}
      />
      {children}
    </label>
  );
}
