import { posixQuote } from '../aws/shell-quote';
import type { ProfileScope } from './managed-marker';

// The AWS CLI and SDKs split credential_process on spaces, honouring shell-style quotes.
const word = (text: string) => (/^[A-Za-z0-9_./:@%+=,-]+$/.test(text) ? text : posixQuote(text));

/**
 * The credential_process line of a profile: `program` is how to start this CLI, either its
 * name when PATH finds this very program, or node and the program by absolute path.
 */
export function credentialProcess(program: readonly string[], origin: string, scope: ProfileScope): string {
  const scopeFlags = typeof scope === 'string' ? [`--${scope}`] : ['--tenant', scope.tenant];
  return [...program, 'aws', '--host', origin, ...scopeFlags].map(word).join(' ');
}

/** The profile name: the prefix, then the tenant's name or the role's. */
export const profileName = (prefix: string, scope: ProfileScope): string => prefix + (typeof scope === 'string' ? scope : scope.tenant);
