import { readFile, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { writeSetupFile } from '../setup/setup-files';
import { PopulateError } from './populate-error';

const fileError = (doing: string, path: string) => (error: NodeJS.ErrnoException) => {
  throw new PopulateError('FILE', `cannot ${doing} the AWS config file ${path} (${error.code ?? 'error'}); fix its permissions, or give another file with --config FILE`);
};

/** --config, else $AWS_CONFIG_FILE, else ~/.aws/config: where the AWS CLI itself looks. */
export function configPath(flag: string | undefined, env: Readonly<Record<string, string | undefined>>, homedir: string): string {
  return flag ?? (env.AWS_CONFIG_FILE || join(homedir, '.aws', 'config'));
}

/** The file's text, empty when it does not exist yet. */
export async function readConfig(path: string): Promise<string> {
  return readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return '';
    return fileError('read', path)(error);
  });
}

/**
 * Writes beside the file and renames over it, so a reader never sees half a file, keeping the
 * original's mode (a new file is the user's alone: 0600). A symbolic link is followed, not replaced.
 */
export async function writeConfig(path: string, text: string): Promise<void> {
  const target = await realpath(path).catch(() => path);
  const mode = await stat(target).then((info) => info.mode & 0o7777, () => 0o600);
  await writeSetupFile(process.platform, target, text, mode).catch(fileError('write', path));
}
