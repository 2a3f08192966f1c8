import type { TargetedSubmitEvent } from 'preact';
import { useState } from 'preact/hooks';
import type { Settings } from '../../src/settings/settings';
import type { ManagedLocks } from '../../src/settings/managed-merge';
import browser from 'webextension-polyfill';
import { askWorker } from '../shared/ask-worker';
import { ConsoleFields } from './console-fields';
import { CopyFields } from './copy-fields';
import type { UpdatePreference } from './field-props';
import { changedPreferences, preferencesOf } from './preferences';
import { ProgramFields } from './program-fields';
import type { Status } from './status-line';
import { SubmitBar } from './submit-bar';

/** Copy, console and local-program choices, saved together with one button. */
export function PreferencesForm({ settings, locks, onSaved }: { settings: Settings; locks: ManagedLocks; onSaved: (settings: Settings) => void }) {
  const [draft, setDraft] = useState(() => preferencesOf(settings));
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status>();
  const update: UpdatePreference = (key, value) => {
    setDraft((current) => ({ ...current, [key]: value }));
    setStatus(undefined);
  };

  const fields = { draft, update, locked: (key: keyof Settings) => locks.settings.includes(key), formats: settings.allowedFormats };

  const submit = async (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const changed = changedPreferences(draft, settings);
    if ('problem' in changed) {
      setStatus({ kind: 'error', text: changed.problem });
      return;
    }
    setBusy(true);
    // Clearing only keys that are still there means reading the clipboard, which needs the
    // user's permission; asked here, inside the click, as the browser requires.
    if (Number(changed.patch.clearClipboardSeconds ?? 0) > 0 && !(await browser.permissions.request({ permissions: ['clipboardRead'] }))) {
      setBusy(false);
      setStatus({ kind: 'error', text: 'Not saved: clearing the clipboard needs permission to read it, to check it still holds the keys. Allow it, or set 0.' });
      return;
    }
    const reply = await askWorker({ type: 'save-settings', settings: changed.patch });
    setBusy(false);
    if (!reply.ok) {
      setStatus({ kind: 'error', text: reply.error.message });
      return;
    }
    onSaved(reply.value);
    setDraft(preferencesOf(reply.value));
    setStatus({ kind: 'ok', text: 'Saved' });
  };

  return (
    <form class="preferences" onSubmit={(event) => void submit(event)}>
      <CopyFields {...fields} />
      <ConsoleFields {...fields} />
      <ProgramFields {...fields} />
      <SubmitBar label="Save" busyLabel="Saving…" busy={busy} status={status} testid="save-settings" className="save-bar" />
    </form>
  );
}
