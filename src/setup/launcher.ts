import { posixQuote, posixQuotedWord, posixUnquote } from '../aws/shell-quote';
import { windowsDataDir, type TargetQuery } from './native-host-locations';
import { platformPath } from './platform-path';

export type LauncherQuery = Pick<TargetQuery, 'platform' | 'system' | 'homedir' | 'env' | 'profileDir'>;

/**
 * Where the launcher lives. A profile directory gets its own, inside it, so that a throwaway
 * test profile never rewrites the launcher a real installation relies on.
 */
export function launcherPath(query: LauncherQuery): string {
  const { join } = platformPath(query.platform);
  if (query.platform === 'win32') return join(windowsDataDir(query), 'host-launcher.bat');
  const name = 'host-launcher.sh';
  if (query.profileDir !== undefined) return join(query.profileDir, 'duplo-jit-bridge', name);
  if (query.system) return join('/usr/local/lib/duplo-jit-bridge', name);
  if (query.platform === 'darwin') return join(query.homedir, 'Library', 'Application Support', 'duplo-jit-bridge', name);
  return join(query.env.XDG_DATA_HOME || join(query.homedir, '.local', 'share'), 'duplo-jit-bridge', name);
}

// cmd.exe expands %NAME% even inside double quotes; a doubled %% stays a literal %.
const batQuote = (text: string): string => `"${text.replaceAll('%', '%%')}"`;
const batUnquote = (quoted: string): string => quoted.slice(1, -1).replaceAll('%%', '%');

/**
 * What the launcher runs: node with the bundle (the npm package, or a checkout), or the single
 * executable, which is its own node (scripts/package.ts builds it for machines without Node).
 */
export type LaunchTarget = { readonly node: string; readonly bundle: string } | { readonly executable: string };

const shExec = new RegExp(`^exec (${posixQuotedWord})(?: (${posixQuotedWord}))? host "\\$@"$`, 'm');
const batExec = /^("[^"]*")(?: ("[^"]*"))? host %\*\r?$/m;

/**
 * The launcher the host manifest points at. Browsers start hosts with their own, often bare,
 * PATH, so node (or the single executable) is named by absolute path rather than found through
 * `#!/usr/bin/env node`.
 */
export function launcherScript(platform: NodeJS.Platform, target: LaunchTarget): string {
  const program = 'executable' in target ? [target.executable] : [target.node, target.bundle];
  if (platform === 'win32') {
    return ['@echo off', 'rem Written by "duplo-jit-bridge install": the browser runs this as the native messaging host.', `${program.map(batQuote).join(' ')} host %*`, ''].join('\r\n');
  }
  return ['#!/bin/sh', '# Written by "duplo-jit-bridge install": the browser runs this as the native messaging host.', `exec ${program.map(posixQuote).join(' ')} host "$@"`, ''].join('\n');
}

/** What a launcher written by launcherScript runs; undefined for any other file. */
export function parseLauncher(platform: NodeJS.Platform, text: string): LaunchTarget | undefined {
  const match = (platform === 'win32' ? batExec : shExec).exec(text);
  if (!match) return undefined;
  const unquote = platform === 'win32' ? batUnquote : posixUnquote;
  const [first, second] = [unquote(match[1]!), match[2] === undefined ? undefined : unquote(match[2])];
  return second === undefined ? { executable: first } : { node: first, bundle: second };
}
