import { copyFormatLabels } from '../../src/aws/copy-formats';
import { clearClipboardSecondsBounds } from '../../src/settings/settings';
import { Card } from './card';
import { ChoiceField } from './choice-field';
import type { FieldProps } from './field-props';
import { NumberField } from './number-field';

export function CopyFields({ draft, update, formats }: FieldProps) {
  return (
    <Card titleId="copy-title" title="Copy">
      <div class="field-row">
        <ChoiceField
          label="Default copy format"
          testid="default-format"
          choices={formats}
          labels={copyFormatLabels}
          value={draft.defaultFormat}
          onChange={(format) => update('defaultFormat', format)}
        >
          <small>What "Copy keys" writes; the popup's menu and the right-click menu offer the others.</small>
        </ChoiceField>
        <NumberField
          label="Clear the clipboard after"
          testid="clear-clipboard-seconds"
          bounds={clearClipboardSecondsBounds}
          unit="seconds"
          value={draft.clearClipboardSeconds}
          onInput={(value) => update('clearClipboardSeconds', value)}
        >
          <small>0 = never. It is cleared only if it still holds the keys.</small>
        </NumberField>
      </div>
    </Card>
  );
}
