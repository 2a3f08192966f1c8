import { randomBytes } from 'node:crypto';
import { formatCredentials } from '../aws/copy-formats';
import type { CredentialProcessOutput } from '../aws/credential-process';
import { toAwsCredentials } from '../aws/credentials';
import { createRefreshingCredentials } from '../aws/refreshing-credentials';
import { awsCredentials } from './aws-command';
import type { CliContext } from './cli-context';
import { describeCliError } from './cli-error';
import { portalFlagsInForce } from './command-flags';
import { isLoopbackAddress, startCredentialEndpoint, type CredentialEndpoint } from './credential-endpoint';
import { parseExecFlags, type ExecFlags } from './exec-flags';
import { runChild } from './run-child';
import { versionLine } from './version';

const flagsHelp = `Options: --host, --api-host, --admin, --duplo-ops, --tenant, --token-file, --token, --otp,
--interactive, --port, --no-cache and --debug, as for "duplo-jit-bridge aws --help".`;

export const execUsage = `Usage: duplo-jit-bridge exec --host URL (--admin | --duplo-ops | --tenant NAME|ID) [options] -- COMMAND [ARGS...]
       duplo-jit-bridge exec --host URL (--admin | --duplo-ops | --tenant NAME|ID) [options] --env[=SHELL]

Runs COMMAND with a local credential endpoint that the AWS CLI and SDKs read, and read again
before their keys end, so a run longer than the keys' hour keeps working: the endpoint fetches
fresh keys from your browser's portal session (or with a token), with no new prompt after the
first. COMMAND gets AWS_CONTAINER_CREDENTIALS_FULL_URI and AWS_CONTAINER_AUTHORIZATION_TOKEN
(a new secret each run), AWS_REGION and AWS_DEFAULT_REGION from the tenant unless they are set,
and none of the AWS_* key variables or AWS_PROFILE, which would come first. exec exits with
COMMAND's exit code and passes it the signals it gets.

${flagsHelp}
  --env[=SHELL]       print the keys as lines to paste or eval, for bash (zsh, sh), fish,
                      powershell or cmd (default: fish if $SHELL is fish, else bash)
`;

export const serveUsage = `Usage: duplo-jit-bridge serve --host URL (--admin | --duplo-ops | --tenant NAME|ID) [options] [--listen ADDRESS:PORT]

Serves the keys as exec does, without a command, until Ctrl-C: prints the two variables to
export in a shell, an editor or a dev container that can reach this machine's loopback.

${flagsHelp}
  --listen ADDRESS:PORT  listen there instead of a random loopback port; any machine that can
                      reach it and knows the secret gets the keys. The AWS SDKs take a plain
                      http endpoint only on a loopback address (or ECS's 169.254.170.2)
`;

const shadowing = [
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_SECURITY_TOKEN',
  'AWS_CREDENTIAL_EXPIRATION',
  'AWS_PROFILE',
  'AWS_DEFAULT_PROFILE',
  // Each of these comes before AWS_CONTAINER_CREDENTIALS_FULL_URI or its token in the SDKs' chains.
  'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
  'AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE',
  'AWS_WEB_IDENTITY_TOKEN_FILE',
  'AWS_ROLE_ARN',
];

/** The child's environment: ours without what would shadow the endpoint, plus the endpoint and the tenant's region. */
export function childEnvironment(env: Readonly<Record<string, string | undefined>>, url: string, secret: string, region: string): NodeJS.ProcessEnv {
  const kept = Object.fromEntries(Object.entries(env).filter(([name]) => !shadowing.includes(name)));
  const regions = region === '' ? {} : { AWS_REGION: env.AWS_REGION ?? region, AWS_DEFAULT_REGION: env.AWS_DEFAULT_REGION ?? region };
  return { ...kept, ...regions, AWS_CONTAINER_CREDENTIALS_FULL_URI: url, AWS_CONTAINER_AUTHORIZATION_TOKEN: secret };
}

/** The endpoint, once the first keys are in: a refusal or a closed browser stops here, before any command runs. */
async function openEndpoint(flags: ExecFlags, context: CliContext): Promise<{ endpoint: CredentialEndpoint; secret: string; first: CredentialProcessOutput; acceptRemote: boolean }> {
  const describe = (error: unknown) => ({
    code: typeof (error as { code?: unknown }).code === 'string' ? (error as { code: string }).code : 'FAILED',
    message: describeCliError(error, 'exec', flags.aws.host).line,
  });
  const keys = createRefreshingCredentials({
    fetch: () => awsCredentials(flags.aws, context),
    now: () => context.now().getTime(),
    onStaleServed: (error) => context.notice(`could not renew the keys (${describe(error).message}); serving the current ones until they end`),
  });
  const first = await keys.current();
  const secret = randomBytes(32).toString('base64url');
  const host = flags.listen?.host ?? '127.0.0.1';
  const acceptRemote = !isLoopbackAddress(host);
  const endpoint = await startCredentialEndpoint({ host, port: flags.listen?.port ?? 0, acceptRemote, secret, keys: keys.current, describe });
  return { endpoint, secret, first, acceptRemote };
}

function parsed(argv: readonly string[], which: 'exec' | 'serve', context: CliContext): ExecFlags | undefined {
  const flags = parseExecFlags(argv, which, context.env, context.notice);
  if (flags === 'help' || flags === 'version') {
    context.stdout(flags === 'version' ? versionLine : which === 'exec' ? execUsage : serveUsage);
    return undefined;
  }
  return { ...flags, aws: portalFlagsInForce(flags.aws, context) };
}

/** `exec`: COMMAND's exit code, or the keys as shell lines with --env. */
export async function execCommand(argv: readonly string[], context: CliContext): Promise<number> {
  const flags = parsed(argv, 'exec', context);
  if (!flags) return 0;
  if (flags.printEnv) {
    const keys = await awsCredentials(flags.aws, context);
    context.stdout(formatCredentials(flags.printEnv, toAwsCredentials(keys)));
    return 0;
  }
  const { endpoint, secret, first } = await openEndpoint(flags, context);
  context.debug(`serving credentials at ${endpoint.url} to ${flags.command[0]}`);
  try {
    return await runChild(flags.command, childEnvironment(context.env, endpoint.url, secret, first.Region), context.notice);
  } finally {
    await endpoint.close();
  }
}

/** `serve`: prints the variables, then serves until SIGINT or SIGTERM. */
export async function serveCommand(argv: readonly string[], context: CliContext): Promise<number> {
  const flags = parsed(argv, 'serve', context);
  if (!flags) return 0;
  const { endpoint, secret, acceptRemote } = await openEndpoint(flags, context);
  if (flags.listen && acceptRemote) {
    context.notice(`listening on ${flags.listen.host}, not loopback: anything that reaches this address and knows the secret gets the keys`);
  }
  context.stdout(`export AWS_CONTAINER_CREDENTIALS_FULL_URI=${endpoint.url}\nexport AWS_CONTAINER_AUTHORIZATION_TOKEN=${secret}\n`);
  context.notice('serving credentials until Ctrl-C');
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await endpoint.close();
  return 0;
}
