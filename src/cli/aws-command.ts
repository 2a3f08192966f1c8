import type { CredentialProcessOutput } from '../aws/credential-process';
import { scopeLabel, type AwsFlags } from './aws-flags';
import { isNoBrowser } from './bridge-failure';
import type { CliContext } from './cli-context';
import { portalCommandFlags } from './command-flags';
import { portalToken } from './portal-token';

export const awsUsage = `Usage: duplo-jit-bridge aws --host URL (--admin | --duplo-ops | --tenant NAME|ID) [options]

Prints AWS credentials as a credential_process, from your browser's portal session.
In ~/.aws/config:
  [profile dev01]
  credential_process = duplo-jit-bridge aws --host https://acme.duplocloud.net --tenant dev01

Options:
  --host URL          the DuploCloud portal (required, unless DUPLO_HOST is set)
  --api-host URL      the portal's API, where it differs from --host
  --admin             admin credentials
  --duplo-ops         duplo-ops credentials
  --tenant NAME|ID    one tenant's credentials (under 32 characters: a name)
  --token-file PATH   call the portal directly with the API token in this file, which must
                      be yours and readable by you alone (chmod 600); no browser (for CI)
  --token TOKEN       the same with the token itself; prefer --token-file or DUPLO_TOKEN, since
                      every local user can read a command line
  --otp CODE          MFA code, for admin access on portals that require one (with a token)
  --interactive       when no browser bridge answers, sign in through the portal's page
  --port N            the local port for --interactive (default, or 0: any free one)
  --no-cache          with a token or --interactive: neither read nor write the cache
  --debug             log each step to stderr (secrets masked)
  --version           the version and the commit it was built from
  -h, --help          this help

Flags take one dash or two, as for duplo-jit: -tenant dev01, --tenant=dev01, -admin,
--admin=true. Given more than one of --admin, --duplo-ops and --tenant, the first of them in
that order wins, as for duplo-jit (with a line on stderr).

Environment:
  DUPLO_HOST          the portal, when --host is not given
  DUPLO_TOKEN         an API token for direct mode, when neither --token-file nor --token is
                      given; used only for the portal in DUPLO_HOST when that is set

Where the token comes from, first match wins: --token-file or --token (not both), then
DUPLO_TOKEN, then your browser's portal session (through the browser bridge), and with
--interactive, when no browser answers, the portal's sign-in page.
`;

function withFileCache(context: CliContext, flags: AwsFlags, produce: () => Promise<CredentialProcessOutput>, token?: string): Promise<CredentialProcessOutput> {
  if (flags.noCache) return produce();
  return import('./commands').then(({ fileCached, awsFileKind }) => fileCached(context, awsFileKind, flags.host, scopeLabel(flags.scope), produce, token));
}

/**
 * The keys `flags` ask for, from the first source that has them: a token (direct), the browser
 * bridge, or with --interactive the portal's sign-in page. Shared by `aws` and `exec`.
 */
export async function awsCredentials(flags: AwsFlags, context: CliContext): Promise<CredentialProcessOutput> {
  const token = await portalToken(flags, {
    env: context.env,
    // Loaded only for --token-file: the bridge path is the common one.
    readTokenFile: async (path) => (await import('./commands')).readTokenFile(path),
    warn: context.notice,
    debug: context.debug,
  });
  if (token) {
    context.debug(`direct mode: asking ${flags.host} with the API token`);
    return withFileCache(context, flags, async () => (await import('./commands')).directCredentials(flags, token, context), token);
  }
  context.debug(`bridge mode: asking the browser for ${scopeLabel(flags.scope)} on ${flags.host}`);
  return context.askBrowser(flags).catch((error: unknown) => {
    if (!(flags.interactive && isNoBrowser(error))) throw error;
    context.debug('no browser bridge: falling back to the portal sign-in page (--interactive)');
    // The portal client and the handoff are loaded only on these paths: the bridge path is the common one.
    return withFileCache(context, flags, async () => (await import('./commands')).interactiveCredentials(flags, context));
  });
}

/** `aws`: one JSON object on stdout, or one line on stderr and a non-zero exit. */
export async function awsCommand(argv: readonly string[], context: CliContext): Promise<number> {
  const flags = portalCommandFlags(argv, 'aws', awsUsage, context);
  if (!flags) return 0;
  const output = await awsCredentials(flags, context);
  context.stdout(`${JSON.stringify(output, null, 2)}\n`);
  return 0;
}
