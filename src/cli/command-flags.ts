import { normalizePortalHost } from '../duplo/portal-host';
import { parseAwsFlags, type AwsFlags } from './aws-flags';
import type { CliContext } from './cli-context';
import { versionLine } from './version';

/**
 * The start of `aws`, `console` and `duplo`: their flags, with the portal's address in one
 * form. Undefined when the user asked for the usage or the version, which are printed here.
 */
export async function portalCommandFlags(argv: readonly string[], command: 'aws' | 'console' | 'duplo', usage: () => Promise<string>, context: CliContext): Promise<AwsFlags | undefined> {
  const parsed = parseAwsFlags(argv, command, context.env, context.notice);
  if (parsed === 'help' || parsed === 'version') {
    context.stdout(parsed === 'help' ? await usage() : versionLine);
    return undefined;
  }
  return portalFlagsInForce(parsed, context);
}

/** Flags as every portal command uses them: the portal's address in one form, --debug switched on. */
export function portalFlagsInForce<Flags extends { readonly host: string; readonly debug: boolean }>(parsed: Flags, context: CliContext): Flags {
  if (parsed.debug) context.enableDebug();
  return { ...parsed, host: normalizePortalHost(parsed.host) };
}
