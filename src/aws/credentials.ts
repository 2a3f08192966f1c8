/** Short-lived AWS keys as every format in this folder takes them. */
export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  /** Absent (or empty) for long-lived keys; JIT keys always carry one. */
  sessionToken?: string;
  /** Empty when the portal sent none: the formats then leave the region out. */
  region: string;
}
