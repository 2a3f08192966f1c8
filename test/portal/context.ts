import type { IncomingHttpHeaders } from 'node:http';
import type { JitIssuer } from './jit';
import type { K8sIssuer } from './k8s';
import type { HandoffMode } from './pages/verify-token';
import type { Reply } from './reply';
import type { RouteName } from './routes';
import type { SessionStore } from './sessions';

/** What handlers share: one per running portal. */
export interface PortalContext {
  /** `http://HOST:PORT`, no trailing slash. */
  readonly url: string;
  readonly sessions: SessionStore;
  readonly jit: JitIssuer;
  readonly k8s: K8sIssuer;
  readonly legacyAdminOnly: boolean;
  readonly otpCode: string | undefined;
  /** Names of tenants deleted from the portal since it started: gone from every list and refused. */
  readonly removedTenants: ReadonlySet<string>;
  /** How the verify-token page hands the token over; tests switch it while the portal runs. */
  readonly handoff: { mode: HandoffMode };
}

export interface RouteRequest {
  readonly url: URL;
  readonly headers: IncomingHttpHeaders;
  /** Values of the path's `{placeholders}`. */
  readonly params: Readonly<Record<string, string>>;
  readonly readJson: () => Promise<unknown>;
}

export interface Route {
  /** A path template such as `/subscriptions/{tenantId}/GetAwsConsoleTokenUrl`. */
  readonly path: string;
  readonly method: 'GET' | 'POST';
  /** Named routes are counted and can be faulted; demo-only helpers are not. */
  readonly name?: RouteName;
  readonly handle: (request: RouteRequest, context: PortalContext) => Reply | Promise<Reply>;
}
