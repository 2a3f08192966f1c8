import * as z from 'zod/mini';
import { protocolVersion } from './protocol-version';

/**
 * The local bridge protocol (docs/architecture.md, "One CLI request"): one JSON request per CLI connection to the native
 * host, relayed to the extension over native messaging, and one response back. Version 1.
 */
export { protocolVersion };

/** `portal-token` hands over the portal session itself (`duplo-jit-bridge duplo`): off unless the user turned it on for the portal. */
export const bridgeOps = ['aws-credentials', 'tenants', 'console-url', 'status', 'clear-cache', 'portal-token', 'k8s-credentials'] as const;

export const bridgeErrorCodes = [
  'NO_BROWSER',
  'NOT_SIGNED_IN',
  'PORTAL_NOT_CONFIGURED',
  'DENIED',
  'TOKEN_SHARING_OFF',
  'TENANT_NOT_FOUND',
  'PORTAL_ERROR',
  'TIMEOUT',
  'BAD_REQUEST',
] as const;
export type BridgeErrorCode = (typeof bridgeErrorCodes)[number];

export const ClientInfoSchema = z.object({
  pid: z.number().check(z.int(), z.nonnegative()),
  ppid: z.number().check(z.int(), z.nonnegative()),
  /** The command line of the program that asked (the parent of the CLI), for the approval prompt and the log. */
  command: z.string().check(z.maxLength(1000)),
});
export type ClientInfo = z.infer<typeof ClientInfoSchema>;

export const BridgeRequestSchema = z.object({
  v: z.literal(protocolVersion),
  id: z.string().check(z.minLength(1), z.maxLength(100)),
  op: z.enum(bridgeOps),
  /** The portal origin, as the user wrote it in `--host`; absent only for `clear-cache`, meaning every portal. */
  portal: z.optional(z.string().check(z.minLength(1), z.maxLength(300))),
  /** `admin`, `duplo-ops`, a tenant name or a tenant ID; absent for `status`, `tenants` and `portal-token`. */
  scope: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
  /** For `k8s-credentials` with scope `admin`: the plan (infrastructure) whose cluster to reach. */
  plan: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
  /** For `console-url`. */
  region: z.optional(z.string().check(z.maxLength(50))),
  service: z.optional(z.string().check(z.maxLength(50))),
  client: ClientInfoSchema,
});
export type BridgeRequest = z.infer<typeof BridgeRequestSchema>;

/**
 * The program at the other end of a CLI's connection, as the host establishes it from the
 * kernel (the socket's peer process), never as the client says: the host overwrites it. The
 * peer is normally our own CLI (node), so its parent (the AWS CLI, terraform, python…) is what
 * tells programs apart. `verified` is false when the host could not establish it (not Linux,
 * no `ss`, the process gone); then `exe` and `parentExe` are empty.
 */
export const PeerSchema = z.object({
  verified: z.boolean(),
  pid: z.number().check(z.int(), z.nonnegative()),
  exe: z.string().check(z.maxLength(4096)),
  parentExe: z.string().check(z.maxLength(4096)),
});
export type Peer = z.infer<typeof PeerSchema>;

/**
 * What the host sends the extension: the client's request under a host id. `peer` is
 * `on-request`: finding the peer runs `ss` (~10-30 ms), so the host does it only when the
 * extension asks with an identify message (an approval decision needs it; "never ask" and
 * `status` do not). Absent (an older host): the program is unverified.
 */
export const ForwardedRequestSchema = z.extend(BridgeRequestSchema, { peer: z.optional(z.union([PeerSchema, z.literal('on-request')])) });
export type ForwardedRequest = z.infer<typeof ForwardedRequestSchema>;

/** Extension → host: which program sent request `id`? */
export const IdentifyMessageSchema = z.object({ v: z.literal(protocolVersion), type: z.literal('identify'), id: z.string().check(z.maxLength(100)) });
/** Host → extension: the answer; unverified when the client has gone or the host could not tell. */
export const PeerMessageSchema = z.object({ v: z.literal(protocolVersion), type: z.literal('peer'), id: z.string(), peer: PeerSchema });
export type PeerMessage = z.infer<typeof PeerMessageSchema>;

export const BridgeErrorSchema = z.object({ code: z.enum(bridgeErrorCodes), message: z.string() });
export type BridgeError = z.infer<typeof BridgeErrorSchema>;

export const BridgeResponseSchema = z.union([
  z.object({ v: z.literal(protocolVersion), id: z.string(), ok: z.literal(true), result: z.unknown() }),
  z.object({ v: z.literal(protocolVersion), id: z.string(), ok: z.literal(false), error: BridgeErrorSchema }),
]);
export type BridgeResponse = z.infer<typeof BridgeResponseSchema>;

/** The `result` of `aws-credentials`: the credential_process object. */
export const AwsCredentialsResultSchema = z.object({
  Version: z.literal(1),
  AccessKeyId: z.string(),
  SecretAccessKey: z.string(),
  SessionToken: z.optional(z.string()),
  Region: z.string(),
  ConsoleUrl: z.optional(z.string()),
  Expiration: z.string(),
});

/** The `result` of `portal-token`: what duplo-jit's `duplo` command prints, for duploctl and the Terraform provider. */
export const PortalTokenResultSchema = z.object({
  Version: z.literal(1),
  DuploToken: z.string(),
  /** The portal asks admins for an MFA code (v3/features/system's IsOtpNeeded), or one came with the token. */
  NeedOTP: z.boolean(),
});
export type PortalTokenResult = z.infer<typeof PortalTokenResultSchema>;

/** The `result` of `k8s-credentials`: the ExecCredential kubectl reads from an exec plugin (src/duplo/exec-credential.ts). */
export const ExecCredentialResultSchema = z.object({
  kind: z.literal('ExecCredential'),
  apiVersion: z.literal('client.authentication.k8s.io/v1beta1'),
  spec: z.object({
    cluster: z.object({ server: z.string(), 'insecure-skip-tls-verify': z.optional(z.literal(true)), 'certificate-authority-data': z.optional(z.string()) }),
    interactive: z.literal(false),
  }),
  status: z.object({ expirationTimestamp: z.string(), token: z.string() }),
});

/** The `result` of `clear-cache`: how many held credentials the extension dropped. */
export const ClearCacheResultSchema = z.object({ removed: z.number().check(z.int(), z.nonnegative()) });

/** The `result` of `tenants`: the tenants the extension knows for the portal, freshly listed. */
export const TenantsResultSchema = z.array(z.object({ id: z.string(), name: z.string(), plan: z.optional(z.string()) }));

/** The `result` of `console-url`. */
export const ConsoleUrlResultSchema = z.object({ ConsoleUrl: z.string() });

export function errorResponse(id: string, code: BridgeErrorCode, message: string): BridgeResponse {
  return { v: protocolVersion, id, ok: false, error: { code, message } };
}
