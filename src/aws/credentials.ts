/** Short-lived AWS keys as every format in this folder takes them. */
export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  /** Absent (or empty) for long-lived keys; JIT keys always carry one. */
  sessionToken?: string;
  /** Empty when the portal sent none: the formats then leave the region out. */
  region: string;
}

/** The keys of a portal answer or a credential_process output, as the formats take them. */
export function toAwsCredentials(keys: { AccessKeyId: string; SecretAccessKey: string; SessionToken?: string | null; Region: string }): AwsCredentials {
  return { accessKeyId: keys.AccessKeyId, secretAccessKey: keys.SecretAccessKey, ...(keys.SessionToken ? { sessionToken: keys.SessionToken } : {}), region: keys.Region };
}
