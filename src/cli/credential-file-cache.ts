import { createHash } from 'node:crypto';
import { chmod, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type * as z from 'zod/mini';
import { remainingSeconds, sdkRefreshMarginSeconds, type CredentialProcessOutput } from '../aws/credential-process';
import { AwsCredentialsResultSchema, ExecCredentialResultSchema } from '../bridge/protocol';
import type { ExecCredential } from '../duplo/exec-credential';

/** What one kind of cached answer is: how to check a file of it, when it ends, and how long before that it stops being handed out. */
export interface FileKind<T> {
  readonly what: string;
  readonly schema: z.ZodMiniType<T>;
  readonly expiration: (value: T) => string;
  readonly marginSeconds: number;
}

export const awsFileKind: FileKind<CredentialProcessOutput> = { what: 'credentials', schema: AwsCredentialsResultSchema, expiration: (keys) => keys.Expiration, marginSeconds: sdkRefreshMarginSeconds };

// duplo-jit reuses a cluster token until 5 minutes before it ends.
export const k8sFileKind: FileKind<ExecCredential> = { what: 'cluster token', schema: ExecCredentialResultSchema, expiration: (token) => token.status.expirationTimestamp, marginSeconds: 5 * 60 };

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * The `--token` and `--interactive` modes' cache, as the peers keep it: one file per portal
 * and scope (and token, in `--token` mode), the folder 0700 and the files 0600. Bridge mode
 * never writes here.
 */
export function credentialFileCache(folder: string, now: () => Date) {
  const safe = (name: string) => name.replace(/[^A-Za-z0-9.,_-]/g, '_');
  const fileFor = (host: string, scope: string) => join(folder, `${safe(`${new URL(host).host},${scope}`)}.json`);
  // Only names this cache writes: `<host>,<scope>.json`. Anything else in the folder is not ours to remove.
  const isOurs = (name: string, host: string | undefined) =>
    /^[A-Za-z0-9._-]+,[A-Za-z0-9.,_-]+\.json$/.test(name) && (host === undefined || name.startsWith(`${safe(new URL(host).host)},`));

  return {
    async read<T>(kind: FileKind<T>, host: string, scope: string): Promise<T | undefined> {
      let text: string;
      try {
        text = await readFile(fileFor(host, scope), 'utf8');
      } catch {
        return undefined;
      }
      const parsed = kind.schema.safeParse(parseJson(text));
      // A damaged file is a cache miss: fresh keys replace it.
      if (!parsed.success) return undefined;
      return remainingSeconds(kind.expiration(parsed.data), now()) > kind.marginSeconds ? parsed.data : undefined;
    },

    async write(host: string, scope: string, output: unknown): Promise<void> {
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

/**
 * A token's mark in a cache file's name: the keys one portal user's token got must never be
 * handed out for another user's. 64 bits of SHA-256 name the token without revealing it.
 */
export const tokenMark = (token: string): string => createHash('sha256').update(token).digest('hex').slice(0, 16);

/**
 * The cached answer for a portal and scope (and `token`, when the caller has one) while it
 * lasts, else `produce`'s, kept for the next run.
 */
export async function fileCached<T>(
  io: { readonly credentialCacheDir: string; readonly now: () => Date; readonly debug: (line: string) => void },
  kind: FileKind<T>,
  host: string,
  scopeLabel: string,
  produce: () => Promise<T>,
  token?: string,
): Promise<T> {
  const cache = credentialFileCache(io.credentialCacheDir, io.now);
  const label = token === undefined ? scopeLabel : `${scopeLabel},${tokenMark(token)}`;
  const cached = await cache.read(kind, host, label);
  if (cached) {
    io.debug(`using cached ${kind.what} for ${scopeLabel}, valid until ${kind.expiration(cached)}`);
    return cached;
  }
  const fresh = await produce();
  await cache.write(host, label, fresh);
  return fresh;
}
