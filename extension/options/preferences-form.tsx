import type { TargetedSubmitEvent } from 'preact';
import { useState } from 'preact/hooks';
import type { Settings } from '../../src/settings/settings';
import type { ManagedLocks } from '../../src/settings/managed-merge';
import browser from 'webextension-polyfill';
import { consoleHostPatterns } from '../../src/aws/console-hosts';
import { askWorker } from '../shared/ask-worker';
import { ConsoleFields } from './console-fields';
import { CopyFields } from './copy-fields';
import type { UpdatePreference } from './field-props';
import { changedPreferences, preferencesOf } from './preferences';
import { ProgramFields } from './program-fields';
import type { Status } from './status-line';
import { SubmitBar } from './submit-bar';

/** Why the form was not saved when the user refused a permission it asked for. */
function refusal(clipboard: boolean, banner: boolean): string {
  if (clipboard && banner) return 'Not saved: clearing the clipboard needs permission to read it, and the console banner access to the AWS console pages. Allow them, or turn them off.';
  if (clipboard) return 'Not saved: clearing the clipboard needs permission to read it, to check it still holds the keys. Allow it, or set 0.';
  return 'Not saved: the console banner needs access to the AWS console pages. Allow it, or leave the banner off.';
}

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
    // user's permission; the banner needs access to the console's pages. Asked here, in one
    // request inside the click, as the browser requires.
    const clipboard = Number(changed.patch.clearClipboardSeconds ?? 0) > 0;
    const banner = changed.patch.consoleBanner === true;
    if ((clipboard || banner) && !(await browser.permissions.request({ ...(clipboard ? { permissions: ['clipboardRead'] } : {}), ...(banner ? { origins: [...consoleHostPatterns] } : {}) }))) {
      setBusy(false);
      setStatus({ kind: 'error', text: refusal(clipboard, banner) });
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
