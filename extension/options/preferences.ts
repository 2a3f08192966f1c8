import { approvalTimeoutSecondsBounds, clearClipboardSecondsBounds, SettingsSchema, type IntegerBounds, type Settings } from '../../src/settings/settings';

/** The settings the preferences form edits, as the inputs hold them. */
export interface Preferences {
  readonly defaultFormat: Settings['defaultFormat'];
  readonly clearClipboardSeconds: string;
  readonly consoleRegion: string;
  readonly consoleService: string;
  readonly logoutFirst: boolean;
  readonly multiSession: boolean;
  readonly consoleBanner: boolean;
  readonly consoleTabGroups: boolean;
  readonly approvalPolicy: Settings['approvalPolicy'];
  readonly approvalTimeoutSeconds: string;
}

export function preferencesOf(settings: Settings): Preferences {
  return {
    defaultFormat: settings.defaultFormat,
    clearClipboardSeconds: String(settings.clearClipboardSeconds),
    consoleRegion: settings.consoleRegion,
    consoleService: settings.consoleService,
    logoutFirst: settings.logoutFirst,
    multiSession: settings.multiSession,
    consoleBanner: settings.consoleBanner,
    consoleTabGroups: settings.consoleTabGroups,
    approvalPolicy: settings.approvalPolicy,
    approvalTimeoutSeconds: String(settings.approvalTimeoutSeconds),
  };
}

const shape = SettingsSchema.shape;

const wholeSecondsIn = ({ min, max }: IntegerBounds) => `a whole number of seconds from ${min} to ${max}`;

/**
 * The fields that differ from what is stored, or the first problem in words the user can
 * act on: the worker rejects a bad value too, but only with a generic message.
 */
export function changedPreferences(draft: Preferences, settings: Settings): { patch: Partial<Settings> } | { problem: string } {
  const seconds = Number(draft.clearClipboardSeconds.trim() || '0');
  if (!shape.clearClipboardSeconds.safeParse(seconds).success) return { problem: `Clear the clipboard after ${wholeSecondsIn(clearClipboardSecondsBounds)}.` };
  const consoleRegion = draft.consoleRegion.trim();
  if (!shape.consoleRegion.safeParse(consoleRegion).success) return { problem: `"${consoleRegion}" is not a region name like us-east-1. Leave it empty to use the credentials' region.` };
  // An empty service means the console's home page, which is what `console` opens.
  const consoleService = draft.consoleService.trim().toLowerCase() || 'console';
  if (!shape.consoleService.safeParse(consoleService).success) return { problem: `"${consoleService}" is not a console service name like s3 or ec2.` };

  const approvalTimeoutSeconds = Number(draft.approvalTimeoutSeconds.trim());
  if (!shape.approvalTimeoutSeconds.safeParse(approvalTimeoutSeconds).success) {
    return { problem: `Wait for an answer ${wholeSecondsIn(approvalTimeoutSecondsBounds)} (programs such as Terraform give up after 60).` };
  }

  const next: Partial<Settings> = {
    defaultFormat: draft.defaultFormat,
    clearClipboardSeconds: seconds,
    consoleRegion,
    consoleService,
    logoutFirst: draft.logoutFirst,
    multiSession: draft.multiSession,
    consoleBanner: draft.consoleBanner,
    consoleTabGroups: draft.consoleTabGroups,
    approvalPolicy: draft.approvalPolicy,
    approvalTimeoutSeconds,
  };
  const patch = Object.fromEntries(Object.entries(next).filter(([key, value]) => settings[key as keyof Settings] !== value));
  return { patch };
}
