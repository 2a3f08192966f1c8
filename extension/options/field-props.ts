import type { CopyFormat } from '../../src/aws/copy-formats';
import type { SettingKey } from '../../src/settings/managed-merge';
import type { Preferences } from './preferences';

/** Sets one preference in the form's draft. */
export type UpdatePreference = <K extends keyof Preferences>(key: K, value: Preferences[K]) => void;

/** What each card of the preferences form gets: the draft, and the way to change it. */
export interface FieldProps {
  readonly draft: Preferences;
  readonly update: UpdatePreference;
  /** Whether the organisation set this one (shown locked, never sent). */
  readonly locked: (key: SettingKey) => boolean;
  /** The copy formats the organisation allows: all unless it limits them. */
  readonly formats: readonly CopyFormat[];
}
