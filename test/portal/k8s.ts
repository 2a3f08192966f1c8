import { demoTenants } from './fixtures';
import type { DemoPlan } from './fixtures';
import { newK8sToken } from './random-secrets';

/** The cluster the portal names in its Kubernetes answers: a test's stand-in API server, or a placeholder. */
export interface K8sCluster {
  readonly apiServer: string;
  /** Base64 of the PEM, as `CertificateAuthorityDataBase64`; absent, as on AKS. */
  readonly caBase64?: string;
}

export const placeholderCluster: K8sCluster = { apiServer: 'https://kubernetes.demo.invalid' };

export const planOf = (id: string): DemoPlan | undefined => demoTenants.find((tenant) => tenant.plan.id === id)?.plan;

/** Hands out cluster tokens and remembers them, so a stand-in API server can tell its own from forgeries. */
export class K8sIssuer {
  readonly tokens: string[] = [];

  constructor(
    private readonly cluster: K8sCluster,
    private readonly lifetimeSeconds: number,
    private readonly onIssued: (secret: string) => void,
  ) {}

  /** A `DuploPlanK8ClusterConfig` body for a plan's cluster. */
  issue(plan: DemoPlan): Record<string, unknown> {
    const token = newK8sToken();
    this.tokens.push(token);
    this.onIssued(token);
    return {
      Name: `duploinfra-${plan.id}`,
      ApiServer: this.cluster.apiServer,
      Token: token,
      K8Provider: 0,
      AwsRegion: plan.region,
      K8sVersion: '1.29',
      CertificateAuthorityDataBase64: this.cluster.caBase64 ?? null,
      // duplo-jit reads this as the token's expiry.
      LastTokenRefreshTime: new Date(Date.now() + this.lifetimeSeconds * 1000).toISOString(),
    };
  }
}
