import * as z from 'zod/mini';
import { copyFormats } from '../aws/copy-formats';
import { servicePattern } from '../aws/console-url';
import { regionPattern } from '../aws/partition';
import { approvalPolicies, defaultApprovalTimeoutSeconds } from './approval-policy';
import { CodedError } from '../errors/coded-error';
import type { KeyValueArea } from '../storage/key-value';

const PortalEntrySchema = z.object({
  origin: z.string(),
  apiHost: z.optional(z.string()),
  /** Overrides `approvalPolicy` for this portal. */
  approval: z.optional(z.enum(approvalPolicies)),
});
export type PortalEntry = z.infer<typeof PortalEntrySchema>;

/** The whole numbers a number setting can take, from min to max. */
export interface IntegerBounds {
  readonly min: number;
  readonly max: number;
}

const integerIn = ({ min, max }: IntegerBounds) => z.number().check(z.int(), z.minimum(min), z.maximum(max));

/** 0 never clears; an hour is longer than anyone leaves keys on the clipboard on purpose. */
export const clearClipboardSecondsBounds: IntegerBounds = { min: 0, max: 3600 };
/** Under a minute: programs such as Terraform give up waiting for credentials after 60 s. */
export const approvalTimeoutSecondsBounds: IntegerBounds = { min: 5, max: 55 };

/** Everything the user chooses. Lives in storage.local, so it never holds a secret. */
export const SettingsSchema = z.object({
  /** Portals beyond https://*.duplocloud.net, which works with no set-up. */
  portals: z._default(z.array(PortalEntrySchema), []),
  defaultFormat: z._default(z.enum(copyFormats), 'bash'),
  /** Empty: the region of the credentials. */
  consoleRegion: z._default(z.union([z.literal(''), z.string().check(z.regex(regionPattern))]), ''),
  consoleService: z._default(z.string().check(z.regex(servicePattern)), 'console'),
  /** Off for users of AWS multi-session, where the logout would end their other sessions. */
  logoutFirst: z._default(z.boolean(), true),
  /**
   * The user turned on AWS multi-session: never sign out first (it would end the other
   * sessions), and reuse the tab of a session the extension opened (a second sign-in to the
   * same identity ends the first's tabs).
   */
  multiSession: z._default(z.boolean(), false),
  /**
   * A banner naming the portal and tenant on the console tabs the extension opened, and their
   * titles prefixed with the tenant. Needs host access to the console, asked for when turned on.
   */
  consoleBanner: z._default(z.boolean(), false),
  /** One tab group per tenant for the console tabs the extension opens (Chromium only). */
  consoleTabGroups: z._default(z.boolean(), false),
  /** Keep a pasted API token on disk (storage.local) across browser restarts. */
  rememberToken: z._default(z.boolean(), false),
  /** Clear copied keys from the clipboard after this many seconds; 0 never. */
  clearClipboardSeconds: z._default(integerIn(clearClipboardSecondsBounds), 0),
  /** When a local program asks for credentials: the default for every portal. */
  approvalPolicy: z._default(z.enum(approvalPolicies), 'ask-once'),
  /** How long an approval prompt waits before it counts as a refusal. */
  approvalTimeoutSeconds: z._default(integerIn(approvalTimeoutSecondsBounds), defaultApprovalTimeoutSeconds),
  /**
   * Portals whose session local programs may ask for (`duplo-jit-bridge duplo`), each time with
   * its own prompt. A list beside `portals`, not a field of it: most portals have no entry there.
   */
  tokenSharing: z._default(z.array(z.string()), []),
  // Only an organisation sets these two (src/settings/managed-merge.ts): storage keeps their
  // defaults, never the organisation's values, and the user is refused a change.
  /** Only the portals listed: no other host is observed or may be added. */
  onlyListedPortals: z._default(z.boolean(), false),
  /** The copy formats offered; `defaultFormat` is one of them. */
  allowedFormats: z._default(z.array(z.enum(copyFormats)), [...copyFormats]),
  /** `origin scope` pairs, pinned on top of the popup. */
  favorites: z._default(z.array(z.string()), []),
  /** `origin scope` pairs, most recent first. */
  recents: z._default(z.array(z.string()), []),
});
export type Settings = z.infer<typeof SettingsSchema>;

/** Where the user's settings are stored in storage.local. */
export const settingsKey = 'settings';
export const maxRecents = 5;

/** Stored settings, or the defaults; a damaged value is replaced rather than trusted. */
export async function loadSettings(area: KeyValueArea): Promise<Settings> {
  const parsed = SettingsSchema.safeParse((await area.get(settingsKey)) ?? {});
  return parsed.success ? parsed.data : SettingsSchema.parse({});
}

/** A setting the schema refused, named so the options page can say which. */
export class SettingsError extends CodedError<'BAD_SETTING'> {
  override readonly name = 'SettingsError';

  constructor(readonly setting: string) {
    super('BAD_SETTING', `the setting "${setting}" has a value it cannot take`);
  }
}

/** Merges a patch from the options page, validated as a whole before anything is written. */
export async function saveSettings(area: KeyValueArea, patch: Record<string, unknown>): Promise<Settings> {
  const parsed = SettingsSchema.safeParse({ ...(await loadSettings(area)), ...patch });
  if (!parsed.success) throw new SettingsError(parsed.error.issues[0]?.path.join('.') ?? 'settings');
  await area.set(settingsKey, parsed.data);
  return parsed.data;
}

export const scopeKey = (origin: string, scope: string) => `${origin} ${scope}`;

export function withRecent(settings: Settings, origin: string, scope: string): string[] {
  const entry = scopeKey(origin, scope);
  return [entry, ...settings.recents.filter((recent) => recent !== entry)].slice(0, maxRecents);
}
