import { chmod, mkdir, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { platformPath } from './platform-path';

/**
 * Writes through a temporary file and a rename, so a browser starting the host meanwhile sees the
 * old file or the new one, never half of one. The mode is set explicitly: a restrictive umask must
 * not leave a system-wide manifest unreadable to other users' browsers.
 */
export async function writeSetupFile(platform: NodeJS.Platform, path: string, text: string, mode: number): Promise<void> {
  await mkdir(platformPath(platform).dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, text, { mode });
    if (platform !== 'win32') await chmod(temporary, mode);
    await rename(temporary, path);
  } finally {
    await rm(temporary, { force: true });
  }
}

/** Removes our own folder once it holds nothing more; a folder still in use stays. */
export async function removeFolderIfEmpty(path: string): Promise<boolean> {
  return rmdir(path).then(
    () => true,
    () => false,
  );
}
