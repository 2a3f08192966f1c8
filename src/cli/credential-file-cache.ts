import { chmod, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { remainingSeconds } from '../aws/credential-process';
import { AwsCredentialsResultSchema } from '../bridge/protocol';
import type { CredentialProcessOutput } from '../aws/credential-process';

/** botocore refreshes 15 minutes before expiry; cached keys must outlive that. */
const reuseMarginSeconds = 15 * 60;

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * The `--token` and `--interactive` modes' cache, as the peers keep it: one file per portal
 * and scope, the folder 0700 and the files 0600. Bridge mode never writes here.
 */
export function credentialFileCache(folder: string, now: () => Date) {
  const safe = (name: string) => name.replace(/[^A-Za-z0-9.,_-]/g, '_');
  const fileFor = (host: string, scope: string) => join(folder, `${safe(`${new URL(host).host},${scope}`)}.json`);
  // Only names this cache writes: `<host>,<scope>.json`. Anything else in the folder is not ours to remove.
  const isOurs = (name: string, host: string | undefined) =>
    /^[A-Za-z0-9._-]+,[A-Za-z0-9.,_-]+\.json$/.test(name) && (host === undefined || name.startsWith(`${safe(new URL(host).host)},`));

  return {
    async read(host: string, scope: string): Promise<CredentialProcessOutput | undefined> {
      let text: string;
      try {
        text = await readFile(fileFor(host, scope), 'utf8');
      } catch {
        return undefined;
      }
      const parsed = AwsCredentialsResultSchema.safeParse(parseJson(text));
      // A damaged file is a cache miss: fresh keys replace it.
      if (!parsed.success) return undefined;
      return remainingSeconds(parsed.data.Expiration, now()) > reuseMarginSeconds ? parsed.data : undefined;
    },

    async write(host: string, scope: string, output: CredentialProcessOutput): Promise<void> {
      await mkdir(folder, { recursive: true, mode: 0o700 });
      // mkdir leaves an existing folder's mode alone; a cache of keys must not be readable by others.
      if (((await stat(folder)).mode & 0o077) !== 0) await chmod(folder, 0o700);
      const file = fileFor(host, scope);
      const partial = `${file}.${process.pid}.tmp`;
      await writeFile(partial, `${JSON.stringify(output)}\n`, { mode: 0o600 });
      // A concurrent reader sees the old file or the new one, never half of one.
      await rename(partial, file);
    },

    /** Removes the cached credentials of one portal, or of all; says how many files it removed. */
    async clear(host?: string): Promise<number> {
      const names = await readdir(folder).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return [];
        throw error;
      });
      const ours = names.filter((name) => isOurs(name, host));
      await Promise.all(ours.map((name) => rm(join(folder, name), { force: true })));
      return ours.length;
    },
  };
}
