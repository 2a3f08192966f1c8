import { createServer } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { RequestCounters } from './counters';
import { FaultPlan, FaultRulesSchema } from './faults';
import type { FaultRule } from './faults';
import { demoTenants, demoUsers } from './fixtures';
import type { DemoTenant, DemoUser } from './fixtures';
import { JitIssuer, type IssuedCredentials } from './jit';
import { K8sIssuer, placeholderCluster, type K8sCluster } from './k8s';
import type { HandoffMode } from './pages/verify-token';
import { portalRequestListener } from './server';
import { SessionStore } from './sessions';

export type { FaultRule } from './faults';
export { FaultRuleSchema } from './faults';
export type { DemoTenant, DemoUser } from './fixtures';
export type { IssuedCredentials } from './jit';
export type { K8sCluster } from './k8s';
export { handoffModes, type HandoffMode } from './pages/verify-token';

export interface DemoPortalOptions {
  host?: string;
  port?: number;
  /** Lifetime of a login session token; default 8 h. */
  sessionTtlMs?: number;
  /** `Validity` in JIT responses; default 3600. */
  jitValiditySeconds?: number;
  /** `Validity` for some scopes (`admin`, `duplo-ops`, a tenant name), over `jitValiditySeconds`: e.g. `{ dev01: 90 }`. */
  jitValidityByScope?: Readonly<Record<string, number>>;
  /** How long a console sign-in token works; default 15 min, as on AWS. */
  signinTtlMs?: number;
  /** An old portal: `v3/admin/aws/jitAccess/admin` answers 404, only `adminproxy/GetJITAwsConsoleAccessUrl` works. */
  legacyAdminOnly?: boolean;
  /** When set, `IsOtpNeeded` is true and admin/duplo-ops JIT answer 403 unless header `otpcode` equals it. */
  otpCode?: string;
  /** How the verify-token page hands the token to a local program; default `get`, today's redirect. */
  handoffMode?: HandoffMode;
  /** Issue portal tokens in standard base64 (`+`, `/`, `=`), which URL encoding changes. */
  base64Tokens?: boolean;
  /** The cluster the Kubernetes endpoints name; tokens last `jitValiditySeconds`. */
  k8sCluster?: K8sCluster;
  faults?: FaultRule[];
  /** Default true: enables the /__demo/* control paths. */
  testControl?: boolean;
  /**
   * Serve https with this key and certificate, as `https://<name>`: the browser reaches it
   * through `--host-resolver-rules` (test/browser-facts.md), so a test can stand at a real
   * *.duplocloud.net or AWS address.
   */
  tls?: { readonly name: string; readonly key: string; readonly cert: string };
}

export interface DemoPortal {
  /** `http://HOST:PORT` (`https://<tls.name>` over TLS), no trailing slash. */
  readonly url: string;
  /** Where it listens: `HOST:PORT`, for `--host-resolver-rules`. */
  readonly listening: string;
  readonly users: readonly DemoUser[];
  readonly tenants: readonly DemoTenant[];
  /** A fresh session token, exactly as the login form gets one. */
  login(username: string, options?: { ttlMs?: number }): string;
  /** Every token issued so far now answers 401. */
  expireSessions(): void;
  /** Switches how the verify-token page hands the token over, from its next load. */
  setHandoffMode(mode: HandoffMode): void;
  /** Replaces the fault rules; throws on rules the schema rejects. */
  setFaults(rules: FaultRule[]): void;
  /** Requests per route name, API and pages. */
  counters(): Record<string, number>;
  /** Every token, key, session token, sign-in token and console URL handed out so far. */
  issuedSecrets(): string[];
  /** Every set of JIT credentials handed out so far, oldest first. */
  issuedCredentials(): readonly IssuedCredentials[];
  /** Every cluster token handed out so far, oldest first: what a stand-in API server accepts. */
  issuedK8sTokens(): readonly string[];
  /** Deletes a tenant, as an administrator would: it leaves every tenant list, and its JIT calls are refused. */
  removeTenant(name: string): void;
  /** Counters and faults back to empty, removed tenants back. */
  reset(): void;
  stop(): Promise<void>;
}

export async function startDemoPortal(options: DemoPortalOptions = {}): Promise<DemoPortal> {
  const { host = '127.0.0.1', port = 0, testControl = true } = options;
  const faults = new FaultPlan();
  faults.replace(FaultRulesSchema.parse(options.faults ?? []));
  const server = options.tls ? createTlsServer({ key: options.tls.key, cert: options.tls.cert }) : createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const { port: boundPort } = server.address() as AddressInfo;
  const url = options.tls ? `https://${options.tls.name}` : `http://${host.includes(':') ? `[${host}]` : host}:${boundPort}`;

  const secrets: string[] = [];
  const record = (...issued: string[]) => secrets.push(...issued);
  const sessions = new SessionStore(options.sessionTtlMs ?? 8 * 3600_000, record, options.base64Tokens);
  const handoff = { mode: options.handoffMode ?? 'get' };
  const jit = new JitIssuer({ portalUrl: url, validitySeconds: options.jitValiditySeconds ?? 3600, ...(options.jitValidityByScope ? { validityByScope: options.jitValidityByScope } : {}), signinTtlMs: options.signinTtlMs ?? 15 * 60_000, onIssued: record });
  const k8s = new K8sIssuer(options.k8sCluster ?? placeholderCluster, options.jitValiditySeconds ?? 3600, record);
  const counters = new RequestCounters();
  const stopping = new AbortController();
  const removedTenants = new Set<string>();

  const portal: DemoPortal = {
    url,
    listening: `${host.includes(':') ? `[${host}]` : host}:${boundPort}`,
    users: demoUsers,
    tenants: demoTenants,
    login: (username, loginOptions) => sessions.issue(username, loginOptions?.ttlMs),
    expireSessions: () => sessions.expireAll(),
    setHandoffMode: (mode) => {
      handoff.mode = mode;
    },
    setFaults: (rules) => faults.replace(FaultRulesSchema.parse(rules)),
    counters: () => counters.snapshot(),
    issuedSecrets: () => [...secrets],
    issuedCredentials: () => [...jit.issued],
    issuedK8sTokens: () => [...k8s.tokens],
    removeTenant: (name) => {
      removedTenants.add(name);
    },
    reset: () => {
      counters.clear();
      faults.replace([]);
      removedTenants.clear();
    },
    stop: async () => {
      stopping.abort();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
  const context = { url, sessions, jit, k8s, legacyAdminOnly: options.legacyAdminOnly ?? false, otpCode: options.otpCode, removedTenants, handoff };
  server.on('request', portalRequestListener({ context, faults, counters, controls: testControl ? portal : undefined, stopping: stopping.signal }));
  return portal;
}
