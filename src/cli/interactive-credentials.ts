import type { CredentialProcessOutput } from '../aws/credential-process';
import { createPortalClient } from '../duplo';
import { withHandoffToken } from '../duplo/handoff-token';
import type { AwsFlags } from './aws-flags';
import type { CliContext } from './cli-context';
import { directCredentials } from './direct-credentials';
import { tokenFromBrowser } from './interactive-handoff';

/**
 * `--interactive`: the token (and, from an MFA portal, the OTP) the portal's verify-token page
 * hands over, checked with the portal as the extension checks it, then a direct portal call.
 * The OTP a portal hands over is fresher than one given with `--otp`, so it wins.
 */
export async function interactiveCredentials(flags: AwsFlags, context: CliContext): Promise<CredentialProcessOutput> {
  const handoff = await tokenFromBrowser({
    host: flags.host,
    ...(flags.port ? { port: flags.port } : {}),
    // duplo-jit asks the page for an administrator's token for duplo-ops too: both are admin endpoints.
    admin: flags.scope === 'admin' || flags.scope === 'duplo-ops',
    open: context.openUrl,
    notice: context.notice,
    debug: context.debug,
  });
  const token = await withHandoffToken(handoff.token, async (form) => {
    await createPortalClient({ host: flags.host, ...(flags.apiHost ? { apiHost: flags.apiHost } : {}), token: form, fetch: context.fetch }).systemFeatures();
    return form;
  });
  return directCredentials({ ...flags, ...(handoff.otp ? { otp: handoff.otp } : {}) }, token, context);
}
