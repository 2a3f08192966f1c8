import type * as z from 'zod/mini';
import { rfc3339Seconds } from '../aws/credential-process';
import type { ExecCredentialResultSchema } from '../bridge/protocol';
import type { K8sClusterConfig } from './schemas';

/** What kubectl's exec plugin reads; keys in duplo-jit's order, which people read. */
export type ExecCredential = z.infer<typeof ExecCredentialResultSchema>;

/** duplo-jit's lifetime for a token the portal gives no time for. */
const defaultLifetimeMs = 55 * 60_000;

/** When the token stops working: the portal's `LastTokenRefreshTime`, as duplo-jit reads it, else 55 minutes. */
export function k8sExpiry(config: K8sClusterConfig, issuedAt: Date): Date {
  const given = config.LastTokenRefreshTime ? Date.parse(config.LastTokenRefreshTime) : NaN;
  return new Date(Number.isNaN(given) ? issuedAt.getTime() + defaultLifetimeMs : given);
}

/** The cluster as the ExecCredential's spec names it. */
export function execClusterOf(config: K8sClusterConfig): ExecCredential['spec']['cluster'] {
  const ca = config.CertificateAuthorityDataBase64;
  // Without a CA the peers skip verification rather than fail: the cluster's own CA is all there is to check against.
  return { server: config.ApiServer, ...(ca ? { 'certificate-authority-data': ca } : { 'insecure-skip-tls-verify': true }) };
}

export function toExecCredential(config: K8sClusterConfig, issuedAt: Date): ExecCredential {
  return {
    kind: 'ExecCredential',
    apiVersion: 'client.authentication.k8s.io/v1beta1',
    spec: {
      cluster: execClusterOf(config),
      interactive: false,
    },
    status: { expirationTimestamp: rfc3339Seconds(k8sExpiry(config, issuedAt)), token: config.Token },
  };
}
