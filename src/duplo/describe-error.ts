import { awsSigninHosts } from '../aws/partition';
import type { PortalError } from './errors';

/**
 * The one place a PortalError becomes words: what went wrong, then what to do. Every edge
 * (CLI, popup, bridge) shows this, so a user reads the same advice everywhere.
 */
export function describePortalError(error: PortalError, portal: string): string {
  const { detail, status, portalMessage, endpoint } = error.details;
  const said = portalMessage ? ` The portal said: "${portalMessage}".` : '';
  switch (error.code) {
    case 'UNAUTHORIZED':
      return `Your session on ${portal} has expired or is not valid. Sign in to ${portal} in your browser, then try again.`;
    case 'FORBIDDEN':
      return `${portal} refused the request (403): your user may not use this scope.${said} Ask a DuploCloud administrator for access.`;
    case 'NOT_FOUND':
      return `${portal} has nothing at ${endpoint ?? 'that address'} (404).${said} Check the tenant ID; an old portal may not offer JIT access.`;
    case 'OTP_REQUIRED':
      return `${portal} requires an MFA code (OTP) for admin access. Provide the current code from your authenticator app, then try again.`;
    case 'TENANT_NOT_FOUND':
      return `Tenant ${detail ?? ''} is missing or not allowed for you on ${portal}. The popup lists the tenants you can use.`;
    case 'TENANT_AMBIGUOUS':
      return `Tenant ${detail ?? ''} matches more than one of your tenants on ${portal} when case is ignored. Give the name with its exact case, or the tenant ID.`;
    case 'PORTAL_UNAVAILABLE':
      // A status means the portal (or its proxy) was reached: the trouble is on its side, not the network's.
      if (status) return `${portal} answered with a server error (HTTP ${status}).${said} The trouble is on the portal's side: try again in a minute, and tell your DuploCloud administrator if it lasts.`;
      return `${portal} is not reachable (${detail ?? 'no connection'}). Check your network or VPN, then try again.`;
    case 'BAD_RESPONSE':
      return `${portal} sent an answer this tool cannot use: ${detail ?? 'unexpected content'}. Check that ${portal} is a DuploCloud portal; if it is, please report this.`;
    case 'REJECTED':
      return `${portal} rejected the request (HTTP ${status ?? '?'}).${said} Check the portal address and API host.`;
    case 'TIMEOUT':
      return `${portal} did not answer in time (${detail ?? 'timed out'}). Check your network or VPN, then try again.`;
    case 'INSECURE_HOST':
      return `Refusing to send a token over plain http: ${detail ?? portal}.`;
    case 'INVALID_HOST':
      return `The portal address is not valid: ${detail ?? portal}.`;
    case 'CONSOLE_HOST_REFUSED':
      return `${portal} sent a console link to ${detail ?? 'another site'}, which is not an AWS sign-in host (${awsSigninHosts.join(', ')}, or one of their regional forms over https), so it was not opened. Tell your DuploCloud administrator; if ${portal} is not your portal, remove it in the extension's options.`;
  }
}
