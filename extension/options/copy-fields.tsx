import { copyFormatLabels, copyFormats } from '../../src/aws/copy-formats';
import { ChoiceField } from './choice-field';
import type { Preferences } from './preferences';
import type { UpdatePreference } from './preferences-form';

export function CopyFields({ draft, update }: { draft: Preferences; update: UpdatePreference }) {
  return (
    <section class="card" aria-labelledby="copy-title">
      <h2 id="copy-title">Copy</h2>
      <div class="field-row">
        <ChoiceField
          label="Default copy format"
          testid="default-format"
          choices={copyFormats}
          labels={copyFormatLabels}
          value={draft.defaultFormat}
          onChange={(format) => update('defaultFormat', format)}
        >
          <small>What "Copy keys" writes; the popup's menu and the right-click menu offer the others.</small>
        </ChoiceField>
        <label class="field">
          <span>Clear the clipboard after</span>
          <span class="with-unit">
            <input
              type="number"
              min={0}
              max={3600}
              step={1}
              data-testid="clear-clipboard-seconds"
              value={draft.clearClipboardSeconds}
              onInput={(event) => update('clearClipboardSeconds', event.currentTarget.value)}
            />
            <span>seconds</span>
          </span>
          <small>0 = never. It is cleared only if it still holds the keys.</small>
        </label>
      </div>
    </section>
  );
}
