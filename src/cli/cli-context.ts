import type { CredentialProcessOutput } from '../aws/credential-process';
import type { PortalTokenResult } from '../bridge/protocol';
import type { FetchLike } from '../duplo/portal-request';
import type { ExecCredential } from '../duplo/exec-credential';
import type { AwsFlags } from './aws-flags';
import type { K8sFlags } from './k8s-flags';

/** What commands need from the outside world; main.ts wires the real one, tests may wire their own. */
export interface CliContext {
  readonly stdout: (text: string) => void;
  /** One line on stderr, shown even without --debug: a warning, or why a wait is long. */
  readonly notice: (line: string) => void;
  /** DUPLO_HOST and DUPLO_TOKEN, as duploctl and the Terraform provider read them. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Writes to stderr after --debug; callers pass no secrets. */
  readonly debug: (text: string) => void;
  readonly enableDebug: () => void;
  readonly fetch: FetchLike;
  readonly now: () => Date;
  readonly credentialCacheDir: string;
  readonly askBrowser: (flags: AwsFlags) => Promise<CredentialProcessOutput>;
  readonly askBrowserConsole: (flags: AwsFlags) => Promise<string>;
  readonly askBrowserPortalToken: (flags: AwsFlags) => Promise<PortalTokenResult>;
  readonly askBrowserK8s: (flags: K8sFlags) => Promise<ExecCredential>;
  readonly openUrl: (url: string) => Promise<void>;
}
