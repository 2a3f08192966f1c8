import { useCallback, useRef, useState } from 'preact/hooks';
import { copyFormatLabels, type CopyFormat } from '../../src/aws/copy-formats';
import type { CopyChoice } from '../../src/worker-messages/protocol';
import { CopyMenu } from './copy-menu';
import { Icon } from './icon';

interface Props {
  name: string;
  busy: boolean;
  defaultFormat: CopyFormat;
  /** The formats offered: all, unless the organisation limits them. */
  formats: readonly CopyFormat[];
  kubeconfig: boolean;
  onCopy: (choice?: CopyChoice) => void;
  onConsoleDefault: () => void;
}

/** Copies in the default format with one click; the caret offers every other format. */
export function CopyButton({ name, busy, defaultFormat, formats, kubeconfig, onCopy, onConsoleDefault }: Props) {
  const caret = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const close = useCallback(() => setOpen(false), []);

  return (
    <div class="split">
      <button
        type="button"
        class="btn split-main"
        data-testid="copy-keys"
        title={`Copy ${name} keys for ${copyFormatLabels[defaultFormat]}`}
        disabled={busy}
        onClick={() => onCopy()}
      >
        {busy ? 'Copying…' : 'Copy keys'}
      </button>
      <button
        ref={caret}
        type="button"
        class="btn split-caret"
        data-testid="copy-menu"
        aria-label={`Copy ${name} keys in another format`}
        title="Other formats"
        aria-haspopup="menu"
        aria-expanded={open}
        disabled={busy}
        onClick={() => setOpen(!open)}
      >
        <Icon name="caret" />
      </button>
      {open && caret.current && (
        <CopyMenu
          anchor={caret.current}
          defaultFormat={defaultFormat} formats={formats}
          kubeconfig={kubeconfig}
          onClose={close}
          onConsoleDefault={() => {
            close();
            onConsoleDefault();
          }}
          onPick={(choice) => {
            close();
            onCopy(choice);
          }}
        />
      )}
    </div>
  );
}
