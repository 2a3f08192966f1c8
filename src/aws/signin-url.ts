import type { AwsCredentials } from './credentials';
import { consoleDestination, type ConsoleTarget } from './console-url';
import { signinOrigin, type AwsPartition } from './partition';

/**
 * The request that trades keys for a sign-in token, for portals that send no ConsoleUrl.
 * AWS only issues tokens for temporary keys, hence the required session token.
 */
export function signinTokenRequestUrl(creds: AwsCredentials & { sessionToken: string }, partition: AwsPartition): string {
  const session = JSON.stringify({
    sessionId: creds.accessKeyId,
    sessionKey: creds.secretAccessKey,
    sessionToken: creds.sessionToken,
  });
  return `${signinOrigin(partition)}/federation?Action=getSigninToken&Session=${encodeURIComponent(session)}`;
}

export interface LoginUrlOptions {
  partition: AwsPartition;
  /** Where the user goes when the console session ends: the portal. */
  issuer: string;
  destination: ConsoleTarget;
}

export function loginUrlFromSigninToken(signinToken: string, options: LoginUrlOptions): string {
  const destination = consoleDestination(options.partition, options.destination);
  const query = [
    'Action=login',
    `Issuer=${encodeURIComponent(options.issuer)}`,
    `Destination=${encodeURIComponent(destination)}`,
    `SigninToken=${encodeURIComponent(signinToken)}`,
  ];
  return `${signinOrigin(options.partition)}/federation?${query.join('&')}`;
}
