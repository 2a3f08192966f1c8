import { findUser } from './fixtures';
import type { DemoUser } from './fixtures';
import { newBase64PortalToken, newPortalToken } from './random-secrets';

interface Session {
  readonly user: DemoUser;
  readonly expiresAt: number;
}

/** Portal login tokens: what the portal's page keeps in localStorage and sends as Bearer. */
export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  constructor(
    private readonly defaultTtlMs: number,
    private readonly onIssued: (secret: string) => void,
    private readonly base64Tokens = false,
  ) {}

  issue(username: string, ttlMs = this.defaultTtlMs): string {
    const user = findUser(username);
    if (!user) throw new Error(`no demo user named ${username}`);
    const token = this.base64Tokens ? newBase64PortalToken() : newPortalToken();
    this.sessions.set(token, { user, expiresAt: Date.now() + ttlMs });
    this.onIssued(token);
    return token;
  }

  /** The user behind `Authorization: Bearer <token>`, if the token is known and still valid. */
  userFor(authorization: string | undefined): DemoUser | undefined {
    const token = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];
    const session = token === undefined ? undefined : this.sessions.get(token);
    if (!session || session.expiresAt <= Date.now()) return undefined;
    return session.user;
  }

  expireAll(): void {
    this.sessions.clear();
  }
}
