import { isPortalError } from '../duplo/errors';
import type { SystemFeatures } from '../duplo/schemas';
import { AccessError } from './access-error';
import { credentialsFor } from './credentials';
import type { PortalContext, SignedIn } from './portal-context';
import type { Session } from './session-store';
import { toViewError } from './view-error';

/**
 * The portal has no "am I an admin" call, so the one way to know is to ask for admin
 * credentials. They are cached, so an admin's first click on Admin costs nothing more.
 */
async function probeAdmin(context: PortalContext, origin: string, features: SystemFeatures, session: Session): Promise<Session['admin']> {
  if (features.IsAwsAdminJITEnabled === false) return 'denied';
  if (session.admin) return session.admin;
  try {
    await credentialsFor(context, origin, 'admin', 'keys');
    return 'allowed';
  } catch (error) {
    // A user asked for an MFA code is an admin; only a refusal says otherwise.
    if (isPortalError(error, 'OTP_REQUIRED')) return 'allowed';
    if (isPortalError(error, 'FORBIDDEN')) return 'denied';
    return undefined;
  }
}

/** Checks the token (v3/features/system), reloads the tenant list, and learns admin access. */
export async function refreshPortal(context: PortalContext, origin: string): Promise<void> {
  let signedIn: SignedIn;
  try {
    signedIn = await context.signedIn(origin);
  } catch (error) {
    // Signed out or lacking permission is a state the view shows, not an error.
    if (error instanceof AccessError) return;
    throw error;
  }
  const { api, session } = signedIn;
  try {
    const features = await context.guarded(origin, session, api.systemFeatures, true);
    if (session.state !== 'active') await context.sessions.mark(origin, session.token, { state: 'active' });
    const tenants = await context.guarded(origin, session, api.tenants, true);
    const admin = await probeAdmin(context, origin, features, session);
    if (admin) await context.sessions.mark(origin, session.token, { admin });
    await context.known.put(origin, {
      tenants: tenants.map((tenant) => ({ id: tenant.TenantId, name: tenant.AccountName, ...(tenant.PlanID ? { plan: tenant.PlanID } : {}) })),
      fetchedAt: context.deps.now(),
      admin: admin ?? 'unknown',
      duploOps: features.IsDuploOpsEnabled === true,
    });
    context.portalErrors.delete(origin);
  } catch (error) {
    context.portalErrors.set(origin, toViewError(error, origin));
  }
}
