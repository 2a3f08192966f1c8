import type { CredentialProcessOutput } from './credential-process';

/**
 * The JSON of the container credential provider, which every AWS SDK and the AWS CLI fetch from
 * `AWS_CONTAINER_CREDENTIALS_FULL_URI` and refresh by its `Expiration`: the same keys as a
 * credential_process, with the session token named `Token`.
 */
export interface ContainerCredentials {
  AccessKeyId: string;
  SecretAccessKey: string;
  Token?: string;
  Expiration: string;
}

export function toContainerCredentials(keys: CredentialProcessOutput): ContainerCredentials {
  return {
    AccessKeyId: keys.AccessKeyId,
    SecretAccessKey: keys.SecretAccessKey,
    ...(keys.SessionToken ? { Token: keys.SessionToken } : {}),
    Expiration: keys.Expiration,
  };
}
