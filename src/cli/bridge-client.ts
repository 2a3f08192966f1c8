import { readFile } from 'node:fs/promises';
import { createConnection } from 'node:net';
import { AwsCredentialsResultSchema, BridgeResponseSchema, ConsoleUrlResultSchema, protocolVersion, type BridgeRequest, type BridgeResponse } from '../bridge/protocol';
import type { CredentialProcessOutput } from '../aws/credential-process';
import type { AwsFlags } from './aws-flags';
import { BridgeFailure } from './bridge-failure';

/** Under the 60 s the Go SDK (Terraform) gives a credential_process, so our error is what it prints. */
export const bridgeTimeoutMs = 58_000;
const maxResponseBytes = 2 * 1024 * 1024;
const outdated = 'update duplo-jit-bridge and the extension together';

function noBrowser(socket: string): BridgeFailure {
  return new BridgeFailure(
    'NO_BROWSER',
    `The browser with the DuploCloud JIT extension is not running (nothing answers at ${socket}). Start it, sign in to your portal, then retry; "duplo-jit-bridge doctor" checks the set-up.`,
  );
}

/** One request over the host's socket, one response line back. */
export function askBridge(socket: string, request: BridgeRequest, timeoutMs = bridgeTimeoutMs): Promise<BridgeResponse> {
  return new Promise((resolve, reject) => {
    const connection = createConnection(socket);
    let buffered = '';
    const fail = (error: BridgeFailure) => {
      connection.destroy();
      reject(error);
    };
    connection.setTimeout(timeoutMs, () => fail(new BridgeFailure('TIMEOUT', `The browser did not answer within ${Math.round(timeoutMs / 1000)} s. Check for an approval prompt in the browser, then retry.`)));
    connection.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' || error.code === 'ECONNREFUSED') fail(noBrowser(socket));
      else fail(new BridgeFailure('NO_BROWSER', `Cannot reach the browser bridge at ${socket} (${error.code ?? 'error'}).`));
    });
    connection.on('connect', () => connection.write(`${JSON.stringify(request)}\n`));
    connection.setEncoding('utf8');
    connection.on('data', (chunk: string) => {
      buffered += chunk;
      if (buffered.length > maxResponseBytes) return fail(new BridgeFailure('BAD_REQUEST', 'The bridge sent an answer too large to be one.'));
      const end = buffered.indexOf('\n');
      if (end < 0) return;
      connection.end();
      let json: unknown;
      try {
        json = JSON.parse(buffered.slice(0, end));
      } catch {
        return reject(new BridgeFailure('BAD_REQUEST', 'The bridge sent an answer that is not JSON.'));
      }
      const parsed = BridgeResponseSchema.safeParse(json);
      if (parsed.success) resolve(parsed.data);
      else reject(new BridgeFailure('BAD_REQUEST', `The bridge sent an answer in an unknown form; ${outdated}.`));
    });
    connection.on('end', () => {
      if (!buffered.includes('\n')) fail(new BridgeFailure('NO_BROWSER', 'The browser bridge stopped before answering (the browser or its native host closed). Retry; if it keeps happening, run "duplo-jit-bridge doctor".'));
    });
  });
}

/** The command line of the program that ran us (the AWS CLI, an SDK, terraform): shown in approvals and the log. */
async function parentCommand(): Promise<string> {
  try {
    return (await readFile(`/proc/${process.ppid}/cmdline`, 'utf8')).split('\0').filter(Boolean).join(' ').slice(0, 1000);
  } catch {
    return '';
  }
}

export function bridgeScope(flags: AwsFlags): string {
  return typeof flags.scope === 'string' ? flags.scope : flags.scope.tenant;
}

async function askBrowser(socket: string, flags: AwsFlags, op: BridgeRequest['op']): Promise<unknown> {
  const request: BridgeRequest = {
    v: protocolVersion,
    // Only matched, never trusted (the host uses ids of its own), so no node:crypto: loading it costs each run ~5 ms.
    id: `${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`,
    op,
    portal: flags.host,
    scope: bridgeScope(flags),
    ...(flags.region ? { region: flags.region } : {}),
    ...(flags.service ? { service: flags.service } : {}),
    client: { pid: process.pid, ppid: process.ppid, command: await parentCommand() },
  };
  const response = await askBridge(socket, request);
  if (!response.ok) throw new BridgeFailure(response.error.code, response.error.message);
  return response.result;
}

/** Bridge mode of `aws`: the extension answers from the browser session. */
export async function credentialsFromBrowser(socket: string, flags: AwsFlags): Promise<CredentialProcessOutput> {
  const result = AwsCredentialsResultSchema.safeParse(await askBrowser(socket, flags, 'aws-credentials'));
  if (!result.success) throw new BridgeFailure('BAD_REQUEST', `The extension sent credentials in an unknown form; ${outdated}.`);
  return result.data;
}

/** Bridge mode of `console`: a sign-in URL aimed at the region and service asked for. */
export async function consoleUrlFromBrowser(socket: string, flags: AwsFlags): Promise<string> {
  const result = ConsoleUrlResultSchema.safeParse(await askBrowser(socket, flags, 'console-url'));
  if (!result.success) throw new BridgeFailure('BAD_REQUEST', `The extension sent a console link in an unknown form; ${outdated}.`);
  return result.data.ConsoleUrl;
}
