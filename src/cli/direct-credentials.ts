import { toCredentialProcess, type CredentialProcessOutput } from '../aws/credential-process';
import { createPortalClient, type FetchLike, type PortalClient } from '../duplo';
import { resolveTenant } from '../duplo/resolve-tenant';
import type { AwsFlags, ConnectionFlags } from './aws-flags';

export interface DirectIo {
  readonly fetch: FetchLike;
  readonly now: () => Date;
  readonly debug: (line: string) => void;
}

/** The portal client of `--token` mode: the portal, called directly with the user's API token; no browser involved. */
export function directClient(flags: ConnectionFlags, token: string, { fetch, debug }: Omit<DirectIo, 'now'>): PortalClient {
  return createPortalClient({
    host: flags.host,
    ...(flags.apiHost ? { apiHost: flags.apiHost } : {}),
    token,
    ...(flags.otp ? { otp: flags.otp } : {}),
    fetch,
    onSkippedTenants: (count) => debug(`skipped ${count} tenant ${count === 1 ? 'row' : 'rows'} without a name or an ID in the portal's tenant list`),
  });
}

/** `--token` mode of `aws`. */
export async function directCredentials(flags: AwsFlags, token: string, io: DirectIo): Promise<CredentialProcessOutput> {
  const client = directClient(flags, token, io);
  const { scope } = flags;
  let jit;
  if (scope === 'admin') jit = await client.adminJit();
  else if (scope === 'duplo-ops') jit = await client.duploOpsJit();
  else jit = await client.tenantJit((await resolveTenant(scope.tenant, client.tenants)).id);
  return toCredentialProcess(jit, io.now());
}
