import { delimiter, join } from 'node:path';
import { realpathSync } from 'node:fs';
import { homedir } from 'node:os';
import { populateCommand } from '../populate/populate-command';
import { bridgeSocketPath } from '../rendezvous/socket-path';
import { execCredentialFromBrowser } from './browser-credentials';
import { tenantsFromBrowser } from './browser-tenants';
import type { CliContext } from './cli-context';
import { portalToken } from './portal-token';
import { readTokenFile } from './token-file';

const realOrNone = (path: string): string | undefined => {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
};

/**
 * How a profile's credential_process starts this program: by name when the first
 * `duplo-jit-bridge` on PATH is this very file (an npm install: the profile survives an
 * upgrade), else node and this file by absolute path (a source checkout).
 */
function programWords(script: string, env: CliContext['env']): string[] {
  const self = realOrNone(script);
  const onPath = (env.PATH ?? '').split(delimiter).filter(Boolean).map((folder) => join(folder, 'duplo-jit-bridge')).find((candidate) => realOrNone(candidate));
  return onPath !== undefined && self !== undefined && realOrNone(onPath) === self ? ['duplo-jit-bridge'] : [process.execPath, self ?? script];
}

/** `populate` with the real world: token sources, the browser bridge, this program's path. */
export function runPopulate(argv: readonly string[], context: CliContext): Promise<number> {
  const { notice } = context;
  return populateCommand(argv, {
    stdout: context.stdout,
    notice,
    env: context.env,
    homedir: homedir(),
    fetch: context.fetch,
    program: programWords(process.argv[1] ?? 'duplo-jit-bridge', context.env),
    portalToken: (host, tokenFile) =>
      portalToken({ host, ...(tokenFile !== undefined ? { tokenFile } : {}) }, { env: context.env, readTokenFile: (path) => readTokenFile(path), warn: notice, debug: context.debug }),
    browserTenants: (origin) => tenantsFromBrowser(bridgeSocketPath(), origin, notice),
    // The token the answer carries is dropped here: a kubeconfig gets the command, never a token.
    browserCluster: async (origin, tenant) => (await execCredentialFromBrowser(bridgeSocketPath(), { host: origin, target: { tenant } }, notice)).spec.cluster,
  });
}
