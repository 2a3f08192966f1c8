import type { PortalTokenResult } from '../bridge/protocol';
import type { SystemFeatures } from '../duplo/schemas';
import type { AwsFlags } from './aws-flags';
import { BridgeFailure } from './bridge-failure';
import type { CliContext } from './cli-context';
import { portalCommandFlags } from './command-flags';
import { checkToken, interactiveToken } from './interactive-credentials';
import { portalToken } from './portal-token';
import { readTokenFile } from './token-file';

export const duploUsage = `Usage: duplo-jit-bridge duplo --host URL [options]

Prints your DuploCloud portal session as duplo-jit does, for duploctl and the Terraform provider:
  {"Version":1,"DuploToken":"...","NeedOTP":false}
NeedOTP is true when the portal asks administrators for an MFA code.

The session can do anything you can do on the portal. Through the browser it is given only
when you turned on "Programs may ask for my session" for the portal in the extension's
options, and then only after you allow each request.

Options:
  --host URL          the DuploCloud portal (required, unless DUPLO_HOST is set)
  --admin             accepted, as for duplo-jit: the session is the same either way
  --token-file PATH   print the API token in this file (yours, chmod 600), once the portal took it
  --token TOKEN       the same with the token itself (prefer --token-file or DUPLO_TOKEN)
  --interactive       when no browser bridge answers, sign in through the portal's page
  --api-host URL, --otp CODE, --port N, --debug   as for aws
  --no-cache          accepted, as for duplo-jit: the session is never written to a file

DUPLO_HOST and DUPLO_TOKEN work as for aws ("duplo-jit-bridge help aws"), in the same order.
`;

/** duplo-jit's object, its fields in its order: duploctl and the provider read it as JSON, people read it too. */
const printed = ({ DuploToken, NeedOTP }: Omit<PortalTokenResult, 'Version'>): string => `${JSON.stringify({ Version: 1, DuploToken, NeedOTP })}\n`;

/** duplo-jit's NeedOTP: the portal asks admins for an MFA code, or one came with the token. */
const needOtp = (features: SystemFeatures, otp: string | undefined): boolean => Boolean(otp) || (features.IsOtpNeeded ?? false);

/** A token from a file, DUPLO_TOKEN or the portal's page, checked with the portal; undefined to ask the browser. */
async function directSession(flags: AwsFlags, context: CliContext): Promise<PortalTokenResult | undefined> {
  const token = await portalToken(flags, { env: context.env, readTokenFile, warn: context.notice, debug: context.debug });
  if (!token) return undefined;
  context.debug(`direct mode: checking the API token with ${flags.host}`);
  const features = await checkToken(flags, token, context);
  return { Version: 1, DuploToken: token, NeedOTP: needOtp(features, flags.otp) };
}

/** `duplo`: the portal session on stdout, the only place it ever goes; or one line on stderr. */
export async function duploCommand(argv: readonly string[], context: CliContext): Promise<number> {
  const flags = await portalCommandFlags(argv, 'duplo', async () => duploUsage, context);
  if (!flags) return 0;
  const session =
    (await directSession(flags, context)) ??
    (await context.askBrowserPortalToken(flags).catch(async (error: unknown) => {
      if (!(flags.interactive && error instanceof BridgeFailure && error.code === 'NO_BROWSER')) throw error;
      context.debug('no browser bridge: falling back to the portal sign-in page (--interactive)');
      const { token, features, otp } = await interactiveToken({ ...flags, admin: true }, context);
      return { Version: 1 as const, DuploToken: token, NeedOTP: needOtp(features, otp) };
    }));
  context.stdout(printed(session));
  return 0;
}
