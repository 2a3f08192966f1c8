import { toCredentialProcess, type CredentialProcessOutput } from '../aws/credential-process';
import { createPortalClient, type FetchLike } from '../duplo';
import { resolveTenant } from '../duplo/resolve-tenant';
import type { AwsFlags } from './aws-flags';

export interface DirectIo {
  readonly fetch: FetchLike;
  readonly now: () => Date;
  readonly debug: (line: string) => void;
}

/** `--token` mode: the portal, called directly with the user's API token; no browser involved. */
export async function directCredentials(flags: AwsFlags, token: string, { fetch, now, debug }: DirectIo): Promise<CredentialProcessOutput> {
  const client = createPortalClient({
    host: flags.host,
    ...(flags.apiHost ? { apiHost: flags.apiHost } : {}),
    token,
    ...(flags.otp ? { otp: flags.otp } : {}),
    fetch,
    onSkippedTenants: (count) => debug(`skipped ${count} tenant ${count === 1 ? 'row' : 'rows'} without a name or an ID in the portal's tenant list`),
  });
  const { scope } = flags;
  let jit;
  if (scope === 'admin') jit = await client.adminJit();
  else if (scope === 'duplo-ops') jit = await client.duploOpsJit();
  else jit = await client.tenantJit((await resolveTenant(scope.tenant, client.tenants)).id);
  return toCredentialProcess(jit, now());
}
