import type { CredentialProcessOutput } from '../aws/credential-process';
import { createPortalClient } from '../duplo';
import { withHandoffToken } from '../duplo/handoff-token';
import type { AwsFlags } from './aws-flags';
import type { CliContext } from './cli-context';
import { directCredentials } from './direct-credentials';
import { tokenFromBrowser } from './interactive-handoff';

/** What `--interactive` needs to know: the portal, the local port, and whether to ask the page for an administrator's token. */
export interface InteractiveAsk extends Pick<AwsFlags, 'host' | 'apiHost' | 'port'> {
  readonly admin: boolean;
}

/**
 * `--interactive`: the token (and, from an MFA portal, the OTP) the portal's verify-token page
 * hands over, checked with the portal as the extension checks it.
 */
export async function interactiveToken(ask: InteractiveAsk, context: CliContext): Promise<{ token: string; otp?: string }> {
  const handoff = await tokenFromBrowser({
    host: ask.host,
    ...(ask.port ? { port: ask.port } : {}),
    admin: ask.admin,
    open: context.openUrl,
    notice: context.notice,
    debug: context.debug,
  });
  const token = await withHandoffToken(handoff.token, async (form) => {
    await createPortalClient({ host: ask.host, ...(ask.apiHost ? { apiHost: ask.apiHost } : {}), token: form, fetch: context.fetch }).systemFeatures();
    return form;
  });
  return { token, ...(handoff.otp ? { otp: handoff.otp } : {}) };
}

/** `aws --interactive`: the handed-over token, then a direct portal call. The OTP a portal hands over is fresher than one given with `--otp`, so it wins. */
export async function interactiveCredentials(flags: AwsFlags, context: CliContext): Promise<CredentialProcessOutput> {
  // duplo-jit asks the page for an administrator's token for duplo-ops too: both are admin endpoints.
  const { token, otp } = await interactiveToken({ ...flags, admin: flags.scope === 'admin' || flags.scope === 'duplo-ops' }, context);
  return directCredentials({ ...flags, ...(otp ? { otp } : {}) }, token, context);
}
