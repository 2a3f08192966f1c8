export { consoleDestination, withDestination, withLogout, type ConsoleTarget } from './console-url';
export { copyFormatLabels, copyFormats, formatCredentials, type CopyFormat, type CopyOptions } from './copy-formats';
export {
  defaultValiditySeconds,
  remainingSeconds,
  toCredentialProcess,
  type CredentialProcessOutput,
} from './credential-process';
export type { AwsCredentials } from './credentials';
export { AwsFormatError, awsFormatErrorCodes, isAwsFormatError, type AwsFormatErrorCode } from './errors';
export { awsPartitions, isAwsRegion, partitionOfHost, type AwsPartition, type Partition } from './partition';
export { loginUrlFromSigninToken, signinTokenRequestUrl, type LoginUrlOptions } from './signin-url';
