import type { CredentialProcessOutput } from '../aws/credential-process';
import { scopeLabel, type AwsFlags } from './aws-flags';
import { isNoBrowser } from './bridge-failure';
import type { CliContext } from './cli-context';
import { portalCommandFlags } from './command-flags';
import { portalToken } from './portal-token';

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
  // The usage is in the second file: `aws` runs once per AWS CLI command and rarely shows it.
  const flags = await portalCommandFlags(argv, 'aws', async () => (await import('./commands')).awsUsage, context);
  if (!flags) return 0;
  const output = await awsCredentials(flags, context);
  context.stdout(`${JSON.stringify(output, null, 2)}\n`);
  return 0;
}
