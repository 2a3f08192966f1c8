import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { CodedError } from '../errors/coded-error';

export type TokenFileProblem = 'MISSING' | 'UNREADABLE' | 'NOT_A_FILE' | 'NOT_YOURS' | 'OPEN_TO_OTHERS' | 'EMPTY';

/** A --token-file the CLI will not use; exit 1 with its message. */
export class TokenFileError extends CodedError<TokenFileProblem> {
  override readonly name = 'TokenFileError';
}

const octal = (mode: number) => `0${(mode & 0o777).toString(8).padStart(3, '0')}`;

/** A token of a few KB at most; anything larger is not a token file. */
const maxBytes = 64 * 1024;

/**
 * Reads the portal API token from a file, refusing one that another user owns or that group
 * or others may read or write (they could read the token, or swap in their own and have the
 * CLI act as their portal user). The checks are made on the opened file, not its name, so the
 * file cannot be swapped between check and read. Surrounding whitespace is not the token.
 */
export async function readTokenFile(path: string, uid: number | undefined = process.getuid?.()): Promise<string> {
  // Non-blocking, so that a FIFO given by mistake is refused below instead of hanging here.
  const handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0)).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') throw new TokenFileError('MISSING', `--token-file ${path} does not exist; write the portal API token into it, readable only by you (chmod 600 ${path})`);
    throw new TokenFileError('UNREADABLE', `--token-file ${path} cannot be read (${error.code ?? 'error'}); it must be a file of yours that you can read`);
  });
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new TokenFileError('NOT_A_FILE', `--token-file ${path} is not a regular file; give the file that holds the portal API token`);
    // Windows has no owner or mode bits to check: uid is undefined there.
    if (uid !== undefined && info.uid !== uid) {
      throw new TokenFileError('NOT_YOURS', `--token-file ${path} belongs to uid ${info.uid}, not to you (uid ${uid}); keep the token in a file of your own, readable only by you (chmod 600)`);
    }
    if (uid !== undefined && (info.mode & 0o077) !== 0) {
      throw new TokenFileError('OPEN_TO_OTHERS', `--token-file ${path} has mode ${octal(info.mode)}, so other users can read or change it; run: chmod 600 ${path}`);
    }
    const { buffer, bytesRead } = await handle.read({ buffer: Buffer.alloc(maxBytes) });
    const token = buffer.subarray(0, bytesRead).toString('utf8').trim();
    if (!token) throw new TokenFileError('EMPTY', `--token-file ${path} is empty; write the portal API token into it`);
    return token;
  } finally {
    await handle.close();
  }
}
