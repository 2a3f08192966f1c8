import { checkConsoleLink } from '../aws/console-link';
import { withDestination } from '../aws/console-url';
import { PortalError } from '../duplo/errors';
import type { AwsFlags } from './aws-flags';
import type { CliContext } from './cli-context';
import { portalCommandFlags } from './command-flags';
import { directJit } from './direct-credentials';
import { portalToken } from './portal-token';
import { readTokenFile } from './token-file';

export const consoleUsage = `Usage: duplo-jit-bridge console --host URL (--admin | --duplo-ops | --tenant NAME|ID) [options]

Prints a federated AWS Console sign-in link, valid for 15 minutes.

Options:
  --host URL          the DuploCloud portal (required, unless DUPLO_HOST is set)
  --admin | --duplo-ops | --tenant NAME|ID
  --region REGION     the console's region (default: the credentials' region)
  --service NAME      the console page, e.g. s3, ec2 (default: the console home)
  --open              open the link in the default browser as well
  --token-file PATH   call the portal directly with the API token in this file (yours, chmod 600)
  --token TOKEN       the same with the token itself (prefer --token-file or DUPLO_TOKEN)
  --api-host URL, --otp CODE, --debug   as for aws

DUPLO_HOST and DUPLO_TOKEN work as for aws ("duplo-jit-bridge help aws"), in the same order.
`;

async function directConsoleUrl(flags: AwsFlags, token: string, context: CliContext): Promise<string> {
  // Never from the cache: a sign-in link must be fresh (AWS allows 15 minutes).
  const jit = await directJit(flags, token, context);
  if (!jit.ConsoleUrl) throw new PortalError('BAD_RESPONSE', { detail: 'the portal sent no ConsoleUrl' });
  return withDestination(jit.ConsoleUrl, { region: flags.region ?? jit.Region, service: flags.service ?? 'console' });
}

/** `console`: one URL on stdout (a secret: it signs in to AWS, so it is printed, never logged). */
export async function consoleCommand(argv: readonly string[], context: CliContext): Promise<number> {
  const flags = await portalCommandFlags(argv, 'console', async () => consoleUsage, context);
  if (!flags) return 0;
  const token = await portalToken(flags, { env: context.env, readTokenFile, warn: context.notice, debug: context.debug });
  const url = token ? await directConsoleUrl(flags, token, context) : await context.askBrowserConsole(flags);
  // The browser's answer was checked there too; the direct one only here, before it is printed or opened.
  checkConsoleLink(url, flags.host);
  context.stdout(`${url}\n`);
  if (flags.open) await context.openUrl(url);
  return 0;
}
