import { ClearCacheResultSchema } from '../bridge/protocol';
import { protocolVersion } from '../bridge/protocol-version';
import { parseFlagValues } from '../flags/parse-flags';
import { askBridge, outdated } from './bridge-client';
import { BridgeFailure } from './bridge-failure';
import { clearCacheHost } from './clear-cache-host';
import { credentialFileCache } from './credential-file-cache';

export const clearCacheUsage = `Usage: duplo-jit-bridge clear-cache [--host URL]

Removes the credentials this program cached for --token and --interactive, and asks the
browser extension to forget the credentials it holds, so that the next request gets new ones.

Options:
  --host URL          only this portal's credentials (default: every portal's)
  -h, --help          this help
`;

export interface ClearCacheIo {
  readonly stdout: (text: string) => void;
  readonly credentialCacheDir: string;
  readonly socket: string;
}

/** Forgetting needs no approval, so the browser answers at once or not at all. */
const bridgeWaitMs = 10_000;

async function forgetInBrowser(socket: string, host: string | undefined): Promise<number> {
  const response = await askBridge(
    socket,
    {
      v: protocolVersion,
      id: `${process.pid}-${Date.now().toString(36)}`,
      op: 'clear-cache',
      ...(host ? { portal: host } : {}),
      client: { pid: process.pid, ppid: process.ppid, command: '' },
    },
    bridgeWaitMs,
  );
  if (!response.ok) throw new BridgeFailure(response.error.code, response.error.message);
  const result = ClearCacheResultSchema.safeParse(response.result);
  if (!result.success) throw new BridgeFailure('BAD_REQUEST', `The extension answered in an unknown form; ${outdated}.`);
  return result.data.removed;
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** `clear-cache`: the file cache, then the browser's; a browser that does not answer is said, not an error. */
export async function clearCacheCommand(argv: readonly string[], io: ClearCacheIo): Promise<number> {
  const flags = parseFlagValues(argv, { host: { type: 'string' }, help: { type: 'boolean', short: 'h' } });
  if (flags.help) {
    io.stdout(clearCacheUsage);
    return 0;
  }
  const host = flags.host === undefined ? undefined : clearCacheHost(flags.host);
  const files = await credentialFileCache(io.credentialCacheDir, () => new Date()).clear(host);
  io.stdout(files === 0 ? `No cached credential files in ${io.credentialCacheDir}.\n` : `Removed ${plural(files, 'cached credential file')} from ${io.credentialCacheDir}.\n`);
  const where = host ?? 'every portal';
  try {
    const held = await forgetInBrowser(io.socket, host);
    io.stdout(`The browser forgot ${plural(held, 'held credential')} for ${where}.\n`);
  } catch (error) {
    if (!(error instanceof BridgeFailure)) throw error;
    // storage.session dies with the browser: a browser that is not running holds nothing to forget.
    const why = error.code === 'NO_BROWSER' ? 'no browser bridge answers (a browser that is not running holds no credentials).' : error.message;
    io.stdout(`The browser's cache was not reached: ${why}\n`);
  }
  return 0;
}
