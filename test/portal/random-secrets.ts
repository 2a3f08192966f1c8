import { randomBytes, randomInt } from 'node:crypto';

const upperAlphanumeric = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const secretKeyAlphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/+';

function randomString(alphabet: string, length: number): string {
  return Array.from({ length }, () => alphabet.charAt(randomInt(alphabet.length))).join('');
}

export const newPortalToken = (): string => randomBytes(32).toString('base64url');
/** A portal token in standard base64: its `+`, `/` and `=` change when URL-encoded, as a real portal's may. */
export const newBase64PortalToken = (): string => randomBytes(32).toString('base64');

/** `ASIA` marks temporary (STS) keys, which is what JIT access hands out. */
export const newAccessKeyId = (): string => `ASIA${randomString(upperAlphanumeric, 16)}`;

export const newSecretAccessKey = (): string => randomString(secretKeyAlphabet, 40);

// Real session tokens are near a kilobyte of base64; clients must not choke on the length.
export const newSessionToken = (): string => `IQoJb3JpZ2luX2Vj${randomBytes(600).toString('base64')}`;

export const newSigninToken = (): string => randomBytes(120).toString('base64url');

/** Shaped like an EKS token (`k8s-aws-v1.` and a presigned STS URL in base64url), so nothing treats it as a portal token. */
export const newK8sToken = (): string => `k8s-aws-v1.${randomBytes(400).toString('base64url')}`;
