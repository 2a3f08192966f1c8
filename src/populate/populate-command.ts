import { createPortalClient } from '../duplo/portal-client';
import { normalizePortalHost } from '../duplo/portal-host';
import { awsConfigFile, configPath, readConfig } from './config-file';
import { lineEndingOf, splitLines } from './config-lines';
import { credentialProcess, profileName } from './credential-command';
import { markerLine, type ProfileScope } from './managed-marker';
import { parsePopulateFlags, profileNamePattern, type PopulateFlags } from './populate-flags';
import type { PopulateIo, TenantTarget } from './populate-io';
import { planPopulate } from './populate-plan';
import { carryOut } from './populate-output';
import { populateKubeconfig } from './kubeconfig-populate';
import { defaultRegion, portalTenants } from './portal-tenants';
import type { ProfileText } from './profile-edits';

export const populateUsage = `Usage: duplo-jit-bridge populate --host URL [--prefix P] [--admin] [--duplo-ops]
                                  [--dry-run] [--prune] [--force] [--token-file PATH] [--config FILE]
                                  [--kubeconfig[=FILE]]

Writes an AWS profile for every tenant you can use into ~/.aws/config ($AWS_CONFIG_FILE, or
--config FILE): [profile <prefix><tenant>] with credential_process = duplo-jit-bridge aws
--host URL --tenant NAME, and the tenant's region when the portal says it. Each profile ends
with a "# managed by duplo-jit-bridge populate" line; every other line of the file stays as
it was. The tenant list comes from the browser (approve it there), or from the portal with an
API token (--token-file PATH or DUPLO_TOKEN), which also gives each tenant's region.

Options:
  --host URL         the portal (default: DUPLO_HOST)
  --prefix P         put P before each profile name, e.g. --prefix acme- gives acme-dev01
  --admin            also write [profile <prefix>admin]; the portal has no call that says
                     whether you are an admin, so populate writes it only when asked
  --duplo-ops        also write [profile <prefix>duplo-ops]
  --dry-run          print what would change, as a diff, and write nothing
  --prune            remove the profiles populate wrote for this portal's tenants you no
                     longer have; nothing else
  --force            overwrite a profile of the same name that populate did not write
  --token-file PATH  ask the portal directly with the API token in PATH
  --config FILE      the AWS config file to write
  --kubeconfig[=FILE]  write the kubeconfig instead (default: $KUBECONFIG's first file, else
                     ~/.kube/config): a cluster, a user running duplo-jit-bridge k8s --host URL
                     --tenant NAME, and a context <prefix><tenant> per tenant, each item ending
                     with the same marker comment; never a token. kubectl's own config
                     commands rewrite the file without comments: --force then takes them back
  -h, --help         this help
`;

function targetsOf(flags: PopulateFlags, tenants: readonly TenantTarget[], adminRegion: string | undefined): { scope: ProfileScope; region?: string }[] {
  const roles = (['admin', 'duplo-ops'] as const).filter((role) => (role === 'admin' ? flags.admin : flags.duploOps));
  return [
    ...tenants.map((tenant) => ({ scope: { tenant: tenant.name }, ...(tenant.region ? { region: tenant.region } : {}) })),
    ...roles.map((scope) => ({ scope, ...(adminRegion ? { region: adminRegion } : {}) })),
  ];
}

async function tenantsAndRegion(flags: PopulateFlags, origin: string, io: PopulateIo): Promise<{ tenants: readonly TenantTarget[]; adminRegion?: string }> {
  const token = await io.portalToken(origin, flags.tokenFile);
  if (token === undefined) return { tenants: await io.browserTenants(origin) };
  const client = createPortalClient({ host: origin, token, fetch: io.fetch });
  const adminRegion = flags.admin || flags.duploOps ? await defaultRegion(client) : undefined;
  return { tenants: await portalTenants(client), ...(adminRegion ? { adminRegion } : {}) };
}

/** `populate`: one profile per tenant (and role asked for) in the AWS config file. Throws; the CLI words the error. */
export async function populateCommand(argv: readonly string[], io: PopulateIo): Promise<number> {
  const flags = parsePopulateFlags(argv, io.env);
  if (flags === 'help') {
    io.stdout(populateUsage);
    return 0;
  }
  const origin = normalizePortalHost(flags.host);
  if (flags.kubeconfig !== undefined) return populateKubeconfig(flags, origin, io);
  const { tenants, adminRegion } = await tenantsAndRegion(flags, origin, io);
  const usable = tenants.filter((tenant) => {
    if (profileNamePattern.test(tenant.name)) return true;
    io.notice(`skipped tenant "${tenant.name}": its name cannot be part of a profile name`);
    return false;
  });
  const profiles: ProfileText[] = targetsOf(flags, usable, adminRegion).map(({ scope, region }) => ({
    name: profileName(flags.prefix, scope),
    keys: [['credential_process', credentialProcess(io.program, origin, scope)], ...(region ? [['region', region] as const] : [])],
    marker: markerLine(origin, scope),
  }));
  const path = configPath(flags.config, io.env, io.homedir);
  const file = awsConfigFile(path);
  const lines = splitLines(await readConfig(file));
  const eol = lineEndingOf(lines);
  const plan = planPopulate({ lines, eol, path, origin, profiles, tenants: new Set(tenants.map((tenant) => tenant.name)), prune: flags.prune, force: flags.force });
  return carryOut({ file, lines, eol, plan, noun: 'profile' }, flags.dryRun, io);
}
