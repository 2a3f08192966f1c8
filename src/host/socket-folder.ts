import { chmod, lstat, mkdir } from 'node:fs/promises';

/**
 * Makes the socket's folder private before anything listens in it: the folder's mode is what
 * keeps other users from connecting (some systems ignore a socket file's own mode), and a
 * folder someone else owns or a symbolic link could be swapped under us.
 */
export async function secureSocketFolder(folder: string): Promise<void> {
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const stats = await lstat(folder);
  if (!stats.isDirectory()) throw new Error(`${folder} is not a folder; remove it so the bridge can create its own.`);
  const uid = process.getuid?.();
  if (uid !== undefined && stats.uid !== uid) throw new Error(`${folder} belongs to another user (uid ${stats.uid}); refusing to listen there.`);
  if ((stats.mode & 0o077) !== 0) await chmod(folder, 0o700);
}
