import { normalizePortalHost } from '../duplo/portal-host';
import type { AwsFlags } from './aws-flags';

/** Shown once per run when the token comes on the command line. */
export const tokenFlagWarning =
  '--token puts the token where every local user can read it (ps, /proc/PID/cmdline); use --token-file PATH (a file only you can read) or the DUPLO_TOKEN environment variable instead';

export interface TokenSources {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly readTokenFile: (path: string) => Promise<string>;
  /** A line on stderr the user sees without --debug. */
  readonly warn: (line: string) => void;
  readonly debug: (line: string) => void;
}

/**
 * The portal API token for direct mode, or undefined to ask the browser. First match wins:
 * --token-file or --token (parseAwsFlags refuses both), then DUPLO_TOKEN. DUPLO_TOKEN is
 * paired with DUPLO_HOST, as duploctl pairs them: when DUPLO_HOST names another portal than
 * --host, the token is not sent to this one.
 */
export async function portalToken(flags: Pick<AwsFlags, 'host' | 'token' | 'tokenFile'>, sources: TokenSources): Promise<string | undefined> {
  if (flags.tokenFile !== undefined) return sources.readTokenFile(flags.tokenFile);
  if (flags.token !== undefined) {
    sources.warn(tokenFlagWarning);
    return flags.token;
  }
  const token = sources.env.DUPLO_TOKEN?.trim();
  if (!token) return undefined;
  const paired = sources.env.DUPLO_HOST;
  if (paired && normalizePortalHost(paired) !== flags.host) {
    sources.debug('DUPLO_TOKEN is for the portal in DUPLO_HOST, not for --host: asking the browser instead');
    return undefined;
  }
  sources.debug('using the API token in DUPLO_TOKEN');
  return token;
}
