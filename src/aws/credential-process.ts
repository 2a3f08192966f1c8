import type { AwsJitCredentials } from '../duplo/schemas';
import { consoleLinkRefusal } from './console-link';

/**
 * botocore refreshes credentials this long before they end (its advisory margin): keys handed
 * out must outlive it, or a long-running SDK program asks again on every check.
 */
export const sdkRefreshMarginSeconds = 15 * 60;

/** What the portal means by a missing or non-positive `Validity`: its default JIT session of one hour. */
export const defaultValiditySeconds = 3600;

/**
 * The JSON a `credential_process` prints, as the AWS CLI and SDKs read it. `ConsoleUrl` is
 * not part of AWS's format; the peers print it so that `jq -r .ConsoleUrl` gives a console
 * link, and the SDKs ignore it. It is there only when it leads to AWS's sign-in (console-link.ts):
 * a program may open it.
 */
export interface CredentialProcessOutput {
  Version: 1;
  AccessKeyId: string;
  SecretAccessKey: string;
  SessionToken?: string;
  Region: string;
  ConsoleUrl?: string;
  Expiration: string;
}

export function toCredentialProcess(jit: AwsJitCredentials, issuedAt: Date, portalOrigin: string): CredentialProcessOutput {
  // Built in this order on purpose: people read this JSON, and the key order is the contract.
  return {
    Version: 1,
    AccessKeyId: jit.AccessKeyId,
    SecretAccessKey: jit.SecretAccessKey,
    ...(jit.SessionToken ? { SessionToken: jit.SessionToken } : {}),
    Region: jit.Region,
    ...(jit.ConsoleUrl && !consoleLinkRefusal(jit.ConsoleUrl, portalOrigin) ? { ConsoleUrl: jit.ConsoleUrl } : {}),
    Expiration: jitExpiration(jit, issuedAt),
  };
}

/** When keys issued at `issuedAt` end, as the `Expiration` a credential_process prints. */
export function jitExpiration(jit: Pick<AwsJitCredentials, 'Validity'>, issuedAt: Date): string {
  return rfc3339Seconds(new Date(issuedAt.getTime() + validitySeconds(jit.Validity) * 1000));
}

/** STS never issues a session longer than 12 hours; a larger claim is a portal bug. */
const maxValiditySeconds = 12 * 3600;

function validitySeconds(validity: number | null | undefined): number {
  if (typeof validity !== 'number' || !Number.isFinite(validity) || validity <= 0) return defaultValiditySeconds;
  return Math.min(validity, maxValiditySeconds);
}

// Dropping the milliseconds rounds down, so the SDKs refresh a fraction of a second early
// rather than late.
export function rfc3339Seconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * Whole seconds left before `expiration`, never negative. An expiration that does not parse
 * counts as already expired, so a damaged cache entry leads to fresh keys, not to stale ones.
 */
export function remainingSeconds(expiration: string, now: Date): number {
  const left = Math.floor((Date.parse(expiration) - now.getTime()) / 1000);
  return Number.isNaN(left) ? 0 : Math.max(0, left);
}
