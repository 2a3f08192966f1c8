import * as z from 'zod/mini';
import { copyFormats } from '../aws/copy-formats';
import { portalErrorCodes } from '../duplo/errors';
import { TenantConsoleDefaultSchema } from '../settings/tenant-console-default';

/**
 * What the popup, the options page and the approval window ask the service worker, and what it
 * answers. Parsed by the worker on arrival: any page of the extension can send anything.
 */

/** `admin`, `duplo-ops`, or a tenant ID: the key of a set of JIT credentials (docs/architecture.md). */
export const ScopeSchema = z.string().check(z.minLength(1), z.maxLength(100));
export type Scope = z.infer<typeof ScopeSchema>;

const Origin = z.string().check(z.minLength(1), z.maxLength(300));

export const CopyFormatSchema = z.enum(copyFormats);

/** What a copy menu offers for a tenant: its keys in a format, or a kubeconfig for its cluster. */
export type CopyChoice = z.infer<typeof CopyFormatSchema> | 'kubeconfig';

export const RequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('state') }),
  z.object({ type: z.literal('refresh'), origin: Origin }),
  /** `endOldest`: the user agreed to sign out the oldest of five multi-session consoles. `page`: the
   * console page of the popup's tab, to open in this tenant instead of its console home. */
  z.object({
    type: z.literal('open-console'),
    origin: Origin,
    scope: ScopeSchema,
    endOldest: z.optional(z.boolean()),
    page: z.optional(z.string().check(z.maxLength(4096))),
  }),
  z.object({ type: z.literal('copy-keys'), origin: Origin, scope: ScopeSchema, format: z.optional(CopyFormatSchema) }),
  z.object({ type: z.literal('copy-kubeconfig'), origin: Origin, scope: ScopeSchema }),
  z.object({ type: z.literal('sign-in'), origin: Origin }),
  z.object({ type: z.literal('favorite'), origin: Origin, scope: ScopeSchema, on: z.boolean() }),
  z.object({ type: z.literal('settings') }),
  z.object({ type: z.literal('save-settings'), settings: z.record(z.string(), z.unknown()) }),
  z.object({ type: z.literal('add-portal'), origin: Origin, apiHost: z.optional(Origin) }),
  z.object({ type: z.literal('remove-portal'), origin: Origin }),
  z.object({ type: z.literal('portals') }),
  z.object({ type: z.literal('confirm-portal'), origin: Origin }),
  z.object({ type: z.literal('forget-session'), origin: Origin }),
  z.object({ type: z.literal('share-token'), origin: Origin, on: z.boolean() }),
  z.object({ type: z.literal('paste-token'), origin: Origin, token: z.string().check(z.minLength(1), z.maxLength(8192)), remember: z.boolean() }),
  z.object({ type: z.literal('approval'), id: z.string().check(z.maxLength(100)) }),
  z.object({ type: z.literal('approval-answer'), id: z.string().check(z.maxLength(100)), allow: z.boolean() }),
  z.object({ type: z.literal('bridge-log') }),
  z.object({ type: z.literal('console-default'), origin: Origin, scope: ScopeSchema }),
  z.object({ type: z.literal('set-console-default'), origin: Origin, scope: ScopeSchema, choice: TenantConsoleDefaultSchema }),
]);
export type WorkerRequest = z.infer<typeof RequestSchema>;

/** Stable codes the pages branch on; the words come with them, made once in the worker. */
export const viewErrorCodes = [
  ...portalErrorCodes,
  'NOT_SIGNED_IN',
  'PORTAL_NOT_CONFIGURED',
  'PORTAL_NOT_CONFIRMED',
  'PERMISSION_NEEDED',
  'TOKEN_SHARING_OFF',
  'BAD_MESSAGE',
  'CLIPBOARD_FAILED',
  'UNREPRESENTABLE',
  'SET_BY_ORGANISATION',
  'PORTAL_NOT_ALLOWED',
  'SESSION_LIMIT',
  'NOT_A_CONSOLE_PAGE',
  'OTHER_PARTITION',
] as const;
export type ViewErrorCode = (typeof viewErrorCodes)[number];

export interface ViewError {
  readonly code: ViewErrorCode;
  readonly message: string;
}

export type Reply<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ViewError };

export interface TenantRow {
  readonly scope: Scope;
  /** `Admin`, `duplo-ops`, or the tenant's name. */
  readonly name: string;
  readonly kind: 'admin' | 'duplo-ops' | 'tenant';
  readonly plan?: string;
  readonly favorite: boolean;
  /** When this row's current credentials expire (RFC 3339), if the worker holds some. */
  readonly expiresAt?: string;
  /** When the console session the extension opened for this row ends (RFC 3339), while one is open. */
  readonly consoleUntil?: string;
  /** The last refusal for this row (for example a 403 on its JIT call). */
  readonly error?: ViewError;
}

export type SessionState =
  /** Signed in; the list is fresh or being refreshed. */
  | 'signed-in'
  /** Never signed in during this browser session. */
  | 'signed-out'
  /** The portal answered 401/403 to the token we had. */
  | 'expired'
  /** A custom portal whose host permission is not granted. */
  | 'permission-needed'
  /** Only seen on a *.duplocloud.net page: nothing of it is used until the user confirms it. */
  | 'unconfirmed';

export interface PortalView {
  readonly origin: string;
  readonly session: SessionState;
  /** Rows in display order: favorites, then recently used, then the rest by name. */
  readonly rows: readonly TenantRow[];
  /** When the rows were last fetched from the portal (ms since epoch), if ever. */
  readonly fetchedAt?: number;
  /** Why the last refresh failed; the rows are then the last known ones. */
  readonly error?: ViewError;
}

export interface PopupView {
  readonly portals: readonly PortalView[];
  readonly defaultFormat: z.infer<typeof CopyFormatSchema>;
  /** The copy formats offered: every one, unless the organisation limits them (docs/managed-settings.md). */
  readonly copyFormats: readonly z.infer<typeof CopyFormatSchema>[];
}

/** The answer to `copy-keys`. */
export interface CopiedKeys {
  readonly format: z.infer<typeof CopyFormatSchema>;
  /** When the copied keys expire (ms since epoch). */
  readonly expiresAt: number;
}
