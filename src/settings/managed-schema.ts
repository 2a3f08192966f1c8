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
});
export type ManagedSettings = z.infer<typeof ManagedSettingsSchema>;

/**
 * Managed storage as the browser gave it, or none. A policy the schema refuses is ignored as a
 * whole rather than half-applied: the browser already checks it against managed-schema.json,
 * so this only happens when the two disagree, which a test prevents.
 */
export function parseManaged(raw: unknown): ManagedSettings {
  const parsed = ManagedSettingsSchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : {};
}
