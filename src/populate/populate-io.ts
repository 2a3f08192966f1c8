import type { ExecCluster } from '../duplo/kubeconfig';
import type { FetchLike } from '../duplo/portal-request';

/** A tenant as populate needs it; the region only when the portal said. */
export interface TenantTarget {
  readonly name: string;
  readonly region?: string;
}

/** What populate needs from the outside world; the CLI wires the real one (src/cli/populate-wiring.ts). */
export interface PopulateIo {
  readonly stdout: (text: string) => void;
  /** One line on stderr, prefixed by the CLI. */
  readonly notice: (line: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly homedir: string;
  readonly fetch: FetchLike;
  /** How credential_process starts this CLI: its name, or node and the program by absolute path. */
  readonly program: readonly string[];
  /** The API token from --token-file or DUPLO_TOKEN, or undefined to ask the browser. */
  readonly portalToken: (host: string, tokenFile: string | undefined) => Promise<string | undefined>;
  /** The tenant list through the browser bridge (the user approves it there). */
  readonly browserTenants: (origin: string) => Promise<readonly TenantTarget[]>;
  /** A tenant's cluster through the browser bridge: a k8s-credentials answer's spec.cluster, its token dropped. */
  readonly browserCluster: (origin: string, tenant: string) => Promise<ExecCluster>;
}
