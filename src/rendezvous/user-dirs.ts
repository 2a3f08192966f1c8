import { homedir } from 'node:os';
import { join, win32 } from 'node:path';

export interface HomeQuery {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly homedir: string;
}

/** %LOCALAPPDATA%, or where Windows puts it when the variable is unset or empty. */
export function windowsLocalAppData(query: HomeQuery): string {
  return query.env.LOCALAPPDATA || win32.join(query.homedir, 'AppData', 'Local');
}

/** The per-user cache folder of the platform, where the peers keep their credentials cache too. */
export function userCacheDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return windowsLocalAppData({ env, homedir: homedir() });
  if (platform === 'darwin') return join(homedir(), 'Library', 'Caches');
  return env.XDG_CACHE_HOME || join(homedir(), '.cache');
}
