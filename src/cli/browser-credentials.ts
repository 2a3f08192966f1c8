import { readFileSync } from 'node:fs';
import type { CredentialProcessOutput } from '../aws/credential-process';
import type { BridgeRequest, PortalTokenResult } from '../bridge/protocol';
import { protocolVersion } from '../bridge/protocol-version';
import type { ExecCredential } from '../duplo/exec-credential';
import type { AwsFlags } from './aws-flags';
import { outdated } from './bridge-client';
import { BridgeFailure } from './bridge-failure';
import { askBridgeRecovering } from './bridge-recovery';
import { parseCompiled } from './compiled-schemas';
import type { K8sFlags } from './k8s-flags';

/**
 * The program that ran us (the AWS CLI, an SDK, terraform), as its argv[0] says: a hint for the
 * prompt when the host cannot find the program itself. Never its arguments, which can hold secrets.
 * Read synchronously: an asynchronous read would start libuv's thread pool, ~5 ms of every run.
 */
function parentCommand(): string {
  try {
    return (readFileSync(`/proc/${process.ppid}/cmdline`, 'utf8').split('\0')[0] ?? '').slice(0, 1000);
  } catch {
    return '';
  }
}

export function bridgeScope(flags: AwsFlags): string {
  return typeof flags.scope === 'string' ? flags.scope : flags.scope.tenant;
}

/** What a request asks: everything but its id and the client, which are filled in here. */
export type BridgeAsk = Omit<BridgeRequest, 'v' | 'id' | 'client'>;

/** One request to the extension through the host; its `result`, or a BridgeFailure. */
export async function askBridge(socket: string, ask: BridgeAsk, notice: (line: string) => void): Promise<unknown> {
  const request: BridgeRequest = {
    v: protocolVersion,
    // Only matched, never trusted (the host uses ids of its own), so no node:crypto: loading it costs each run ~5 ms.
    id: `${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`,
    ...ask,
    client: { pid: process.pid, ppid: process.ppid, command: parentCommand() },
  };
  const response = await askBridgeRecovering(socket, request, notice);
  if (!response.ok) throw new BridgeFailure(response.error.code, response.error.message);
  return response.result;
}

function askBrowser(socket: string, flags: AwsFlags, op: BridgeRequest['op'], notice: (line: string) => void): Promise<unknown> {
  const ask: BridgeAsk = {
    op,
    portal: flags.host,
    scope: bridgeScope(flags),
    ...(flags.region ? { region: flags.region } : {}),
    ...(flags.service ? { service: flags.service } : {}),
  };
  return askBridge(socket, ask, notice);
}

/** Bridge mode of `aws`: the extension answers from the browser session. */
export async function credentialsFromBrowser(socket: string, flags: AwsFlags, notice: (line: string) => void): Promise<CredentialProcessOutput> {
  const result = parseCompiled('credentials', await askBrowser(socket, flags, 'aws-credentials', notice));
  if (!result.ok) throw new BridgeFailure('BAD_REQUEST', `The extension sent credentials in an unknown form; ${outdated}.`);
  return result.value;
}

/** Bridge mode of `duplo`: the portal session itself, when the user allows it in the browser. */
export async function portalTokenFromBrowser(socket: string, flags: AwsFlags, notice: (line: string) => void): Promise<PortalTokenResult> {
  const result = parseCompiled('portalToken', await askBridge(socket, { op: 'portal-token', portal: flags.host }, notice));
  if (!result.ok) throw new BridgeFailure('BAD_REQUEST', `The extension sent the portal session in an unknown form; ${outdated}.`);
  return result.value;
}

/** Bridge mode of `console`: a sign-in URL aimed at the region and service asked for. */
export async function consoleUrlFromBrowser(socket: string, flags: AwsFlags, notice: (line: string) => void): Promise<string> {
  const result = parseCompiled('consoleUrl', await askBrowser(socket, flags, 'console-url', notice));
  if (!result.ok) throw new BridgeFailure('BAD_REQUEST', `The extension sent a console link in an unknown form; ${outdated}.`);
  return result.value.ConsoleUrl;
}

/** Bridge mode of `k8s`: a cluster token, asked for as a tenant, or as admin for a plan. */
export async function execCredentialFromBrowser(socket: string, flags: Pick<K8sFlags, 'host' | 'target'>, notice: (line: string) => void): Promise<ExecCredential> {
  const { target } = flags;
  const ask: BridgeAsk = { op: 'k8s-credentials', portal: flags.host, ...('plan' in target ? { scope: 'admin', plan: target.plan } : { scope: target.tenant }) };
  const result = parseCompiled('execCredential', await askBridge(socket, ask, notice));
  if (!result.ok) throw new BridgeFailure('BAD_REQUEST', `The extension sent a cluster token in an unknown form; ${outdated}.`);
  return result.value;
}
