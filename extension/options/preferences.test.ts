import { describe, expect, it } from 'vitest';
import { SettingsSchema } from '../../src/settings/settings';
import { changedPreferences, preferencesOf } from './preferences';

const settings = SettingsSchema.parse({});
const draft = preferencesOf(settings);

describe('changedPreferences', () => {
  it('says the bounds of the settings schema when a number is out of them', () => {
    expect(changedPreferences({ ...draft, clearClipboardSeconds: '3601' }, settings)).toEqual({ problem: 'Clear the clipboard after a whole number of seconds from 0 to 3600.' });
    expect(changedPreferences({ ...draft, approvalTimeoutSeconds: '4' }, settings)).toEqual({
      problem: 'Wait for an answer a whole number of seconds from 5 to 55 (programs such as Terraform give up after 60).',
    });
  });

  it('takes the bounds themselves, and patches only what changed', () => {
    expect(changedPreferences({ ...draft, clearClipboardSeconds: '3600', approvalTimeoutSeconds: '55' }, settings)).toEqual({ patch: { clearClipboardSeconds: 3600, approvalTimeoutSeconds: 55 } });
    expect(changedPreferences({ ...draft, approvalTimeoutSeconds: '5' }, settings)).toEqual({ patch: { approvalTimeoutSeconds: 5 } });
  });
});
