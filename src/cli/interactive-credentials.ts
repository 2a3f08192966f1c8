import type { CredentialProcessOutput } from '../aws/credential-process';
import { createPortalClient } from '../duplo';
import type { SystemFeatures } from '../duplo/schemas';
import { withHandoffToken } from '../duplo/handoff-token';
import type { AwsFlags } from './aws-flags';
import type { CliContext } from './cli-context';
import { directCredentials } from './direct-credentials';
import { tokenFromBrowser } from './interactive-handoff';

/** What `--interactive` needs to know: the portal, the local port, and whether to ask the page for an administrator's token. */
export interface InteractiveAsk extends Pick<AwsFlags, 'host' | 'apiHost' | 'port'> {
  readonly admin: boolean;
}

/** A token the portal took, what it said of itself while taking it, and the OTP that came with it. */
export interface CheckedToken {
  readonly token: string;
  readonly features: SystemFeatures;
  readonly otp?: string;
}

/** Checks a token with the portal (v3/features/system) before anything else is asked with it. */
export async function checkToken(flags: Pick<AwsFlags, 'host' | 'apiHost'>, token: string, context: Pick<CliContext, 'fetch'>): Promise<SystemFeatures> {
  return createPortalClient({ host: flags.host, ...(flags.apiHost ? { apiHost: flags.apiHost } : {}), token, fetch: context.fetch }).systemFeatures();
}

/**
 * `--interactive`: the token (and, from an MFA portal, the OTP) the portal's verify-token page
 * hands over, checked with the portal as the extension checks it.
 */
export async function interactiveToken(ask: InteractiveAsk, context: CliContext): Promise<CheckedToken> {
  const handoff = await tokenFromBrowser({
    host: ask.host,
    ...(ask.port ? { port: ask.port } : {}),
    admin: ask.admin,
    open: context.openUrl,
    notice: context.notice,
    debug: context.debug,
  });
  return withHandoffToken(handoff.token, async (token) => ({ token, features: await checkToken(ask, token, context), ...(handoff.otp ? { otp: handoff.otp } : {}) }));
}

/** `aws --interactive`: the handed-over token, then a direct portal call. The OTP a portal hands over is fresher than one given with `--otp`, so it wins. */
export async function interactiveCredentials(flags: AwsFlags, context: CliContext): Promise<CredentialProcessOutput> {
  // duplo-jit asks the page for an administrator's token for duplo-ops too: both are admin endpoints.
  const { token, otp } = await interactiveToken({ ...flags, admin: flags.scope === 'admin' || flags.scope === 'duplo-ops' }, context);
  return directCredentials({ ...flags, ...(otp ? { otp } : {}) }, token, context);
}
