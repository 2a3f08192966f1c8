import type { ComponentChildren } from 'preact';

interface Props {
  label: ComponentChildren;
  value: string;
  onInput: (value: string) => void;
  placeholder: string;
  testid: string;
  required?: boolean;
  /** `url` for a portal or API address: the keyboard and autofill that suit one. */
  inputMode?: 'url';
  spellcheck?: boolean;
  /** The id of a datalist of suggestions, given among `children`. */
  list?: string;
  /** After the box: a hint, or the datalist. */
  children?: ComponentChildren;
}

/** A labelled one-line text box. */
export function TextField({ label, value, onInput, placeholder, testid, required = false, inputMode, spellcheck, list, children }: Props) {
  return (
    <label class="field">
      <span>{label}</span>
      <input
        type="text"
        inputmode={inputMode}
        required={required}
        list={list}
        spellcheck={spellcheck}
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
