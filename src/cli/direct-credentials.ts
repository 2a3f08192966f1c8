import { toCredentialProcess, type CredentialProcessOutput } from '../aws/credential-process';
import { createPortalClient, type FetchLike, type PortalClient } from '../duplo';
import { resolveTenant } from '../duplo/resolve-tenant';
import type { AwsJitCredentials } from '../duplo/schemas';
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

/** The portal's JIT answer for the scope `flags` name, asked with the token. */
export async function directJit(flags: AwsFlags, token: string, io: DirectIo): Promise<AwsJitCredentials> {
  const client = directClient(flags, token, io);
  const { scope } = flags;
  if (scope === 'admin') return client.adminJit();
  if (scope === 'duplo-ops') return client.duploOpsJit();
  return client.tenantJit((await resolveTenant(scope.tenant, client.tenants)).id);
}

/** `--token` mode of `aws`. */
export async function directCredentials(flags: AwsFlags, token: string, io: DirectIo): Promise<CredentialProcessOutput> {
  return toCredentialProcess(await directJit(flags, token, io), io.now(), flags.host);
}
