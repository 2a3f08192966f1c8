import * as z from 'zod/mini';
import { copyFormats } from '../aws/copy-formats';
import { approvalPolicies } from './approval-policy';
import { approvalTimeoutSecondsBounds } from './settings';

const { min, max } = approvalTimeoutSecondsBounds;

/**
 * What an organisation may set for every user (docs/managed-settings.md). The one home of the
 * fact: Chromium's `managed_schema` file (managed-schema.json) and the Firefox policy example
 * are checked against it by test. Read from `storage.managed`, which the browser fills from
 * the machine's policy; each key is optional, and a key left out leaves the user's choice.
 */
export const ManagedSettingsSchema = z.object({
  /** Portals every user has, listed first; a user cannot remove or change them. */
  portals: z.optional(
    z.array(
      z.object({
        /** The portal, such as https://acme.duplocloud.net. */
        origin: z.string(),
        /** Only when the API has its own address. */
        apiHost: z.optional(z.string()),
        approval: z.optional(z.enum(approvalPolicies)),
      }),
    ),
  ),
  /** Only the portals above: tokens on any other host are not observed, and adding one is refused. */
  onlyListedPortals: z.optional(z.boolean()),
  /** When a local program asks for credentials, for every portal. */
  approvalPolicy: z.optional(z.enum(approvalPolicies)),
  approvalTimeoutSeconds: z.optional(z.number().check(z.int(), z.minimum(min), z.maximum(max))),
  /** false: no portal's session is handed to programs (`duplo-jit-bridge duplo`), and the switch is locked off. */
  tokenSharingAllowed: z.optional(z.boolean()),
  /** The copy formats users may pick; the first is the default when the user's is not among them. */
  allowedFormats: z.optional(z.array(z.enum(copyFormats)).check(z.minLength(1))),
  /** AWS multi-session on (or off) for every user: no sign-out before a console sign-in. */
  multiSession: z.optional(z.boolean()),
  /**
   * false: no banner on console tabs, and the switch is locked off. true leaves the user's
   * choice: the banner needs host access only the user can grant, in a click.
   */
  consoleBannerAllowed: z.optional(z.boolean()),
  /** One tab group per tenant on (or off) for every user (Chromium only). */
  consoleTabGroups: z.optional(z.boolean()),
});
export type ManagedSettings = z.infer<typeof ManagedSettingsSchema>;

/**
 * Managed storage as the browser gave it, key by key: a value the schema refuses is left out
 * and the rest still applies, so one mistyped key cannot switch off the organisation's other
 * rules (Chromium checks against managed-schema.json first; Firefox checks nothing).
 */
export function parseManaged(raw: unknown): ManagedSettings {
  if (typeof raw !== 'object' || raw === null) return {};
  const shape = ManagedSettingsSchema.shape;
  const valid = Object.entries(raw).filter(([key, value]) => key in shape && shape[key as keyof typeof shape].safeParse(value).success);
  return ManagedSettingsSchema.parse(Object.fromEntries(valid));
}
