import { readFile, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { writeSetupFile } from '../setup/setup-files';
import { PopulateError } from './populate-error';

/** Which file populate edits, as its messages name it: the AWS config or the kubeconfig. */
export interface EditedFile {
  readonly path: string;
  readonly noun: string;
  readonly flag: string;
}

const fileError = (doing: string, file: EditedFile) => (error: NodeJS.ErrnoException) => {
  throw new PopulateError('FILE', `cannot ${doing} the ${file.noun} ${file.path} (${error.code ?? 'error'}); fix its permissions, or give another file with ${file.flag}`);
};

export const awsConfigFile = (path: string): EditedFile => ({ path, noun: 'AWS config file', flag: '--config FILE' });

/** --config, else $AWS_CONFIG_FILE, else ~/.aws/config: where the AWS CLI itself looks. */
export function configPath(flag: string | undefined, env: Readonly<Record<string, string | undefined>>, homedir: string): string {
  return flag ?? (env.AWS_CONFIG_FILE || join(homedir, '.aws', 'config'));
}

/** The file's text, empty when it does not exist yet. */
export async function readConfig(file: EditedFile): Promise<string> {
  return readFile(file.path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return '';
    return fileError('read', file)(error);
  });
}

/**
 * Writes beside the file and renames over it, so a reader never sees half a file, keeping the
 * original's mode (a new file is the user's alone: 0600). A symbolic link is followed, not replaced.
 */
export async function writeConfig(file: EditedFile, text: string): Promise<void> {
  const target = await realpath(file.path).catch(() => file.path);
  const mode = await stat(target).then((info) => info.mode & 0o7777, () => 0o600);
  await writeSetupFile(process.platform, target, text, mode).catch(fileError('write', file));
}
