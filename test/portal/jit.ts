import { awsAccount, defaultAwsRegion } from './fixtures';
import type { DemoTenant, DemoUser } from './fixtures';
import { newAccessKeyId, newSecretAccessKey, newSessionToken, newSigninToken } from './random-secrets';

export type JitScope = { readonly kind: 'admin' } | { readonly kind: 'duplo-ops' } | { readonly kind: 'tenant'; readonly tenant: DemoTenant };

/** What a sign-in token stands for; the console page shows it. */
export interface SigninGrant {
  readonly scope: JitScope;
  readonly username: string;
  readonly issuedAt: number;
}

export interface SessionKeys {
  readonly sessionId: string;
  readonly sessionKey: string;
  readonly sessionToken: string;
}

interface IssuedKeys extends SessionKeys {
  readonly scope: JitScope;
  readonly username: string;
  readonly expiresAt: number;
}

/** What a test needs to predict the exact text a client makes from an issue. */
export interface IssuedCredentials {
  /** `admin`, `duplo-ops`, or the tenant ID, as clients key credentials. */
  readonly scope: string;
  readonly AccessKeyId: string;
  readonly SecretAccessKey: string;
  readonly SessionToken: string;
  readonly Region: string;
  /** The portal user they were issued to: tells one user's keys from another's. */
  readonly username: string;
}

export interface JitSettings {
  readonly portalUrl: string;
  readonly validitySeconds: number;
  /** `Validity` for one scope, by `admin`, `duplo-ops` or tenant name: short-lived keys for refresh tests. */
  readonly validityByScope?: Readonly<Record<string, number>>;
  readonly signinTtlMs: number;
  readonly onIssued: (...secrets: string[]) => void;
}

export const scopeName = (scope: JitScope): string => (scope.kind === 'tenant' ? scope.tenant.name : scope.kind);

export function scopeRegion(scope: JitScope): string {
  return scope.kind === 'tenant' ? scope.tenant.plan.region : defaultAwsRegion;
}

/** Hands out JIT credentials and remembers them, so the federation endpoint can tell its own from forgeries. */
export class JitIssuer {
  private readonly keys = new Map<string, IssuedKeys>();
  private readonly grants = new Map<string, SigninGrant>();
  readonly issued: IssuedCredentials[] = [];

  constructor(private readonly settings: JitSettings) {}

  /** An `AwsJitCredentials` body. */
  issue(scope: JitScope, user: DemoUser): Record<string, unknown> {
    const { onIssued } = this.settings;
    const validitySeconds = this.settings.validityByScope?.[scopeName(scope)] ?? this.settings.validitySeconds;
    const keys: IssuedKeys = {
      sessionId: newAccessKeyId(),
      sessionKey: newSecretAccessKey(),
      sessionToken: newSessionToken(),
      scope,
      username: user.username,
      expiresAt: Date.now() + validitySeconds * 1000,
    };
    this.keys.set(keys.sessionId, keys);
    const region = scopeRegion(scope);
    const consoleUrl = this.consoleUrl(this.grant(scope, user.username), region);
    onIssued(keys.sessionId, keys.sessionKey, keys.sessionToken, consoleUrl);
    this.issued.push({
      scope: scope.kind === 'tenant' ? scope.tenant.id : scope.kind,
      AccessKeyId: keys.sessionId,
      SecretAccessKey: keys.sessionKey,
      SessionToken: keys.sessionToken,
      Region: region,
      username: user.username,
    });
    return {
      ConsoleUrl: consoleUrl,
      AccessKeyId: keys.sessionId,
      SecretAccessKey: keys.sessionKey,
      SessionToken: keys.sessionToken,
      Region: region,
      Validity: validitySeconds,
      // Not in the contract: clients must tolerate fields they do not know.
      AccountId: awsAccount,
      RoleName: scope.kind === 'tenant' ? `duploservices-${scope.tenant.name}` : `duplo-${scope.kind}`,
    };
  }

  /** The `getSigninToken` exchange: a fresh sign-in token for keys this portal issued and that are still valid. */
  exchange(keys: SessionKeys): string | undefined {
    const issued = this.keys.get(keys.sessionId);
    if (!issued || issued.sessionKey !== keys.sessionKey || issued.sessionToken !== keys.sessionToken) return undefined;
    if (issued.expiresAt <= Date.now()) return undefined;
    return this.grant(issued.scope, issued.username);
  }

  lookup(signinToken: string): SigninGrant | 'unknown' | 'expired' {
    const grant = this.grants.get(signinToken);
    if (!grant) return 'unknown';
    return Date.now() - grant.issuedAt >= this.settings.signinTtlMs ? 'expired' : grant;
  }

  private grant(scope: JitScope, username: string): string {
    const token = newSigninToken();
    this.grants.set(token, { scope, username, issuedAt: Date.now() });
    this.settings.onIssued(token);
    return token;
  }

  private consoleUrl(signinToken: string, region: string): string {
    const { portalUrl } = this.settings;
    const destination = `https://${region}.console.aws.amazon.com/console/home?region=${region}`;
    const enc = encodeURIComponent;
    return `${portalUrl}/federation?Action=login&Issuer=${enc(portalUrl)}&Destination=${enc(destination)}&SigninToken=${enc(signinToken)}`;
  }
}
