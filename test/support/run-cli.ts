import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

export const cliBundle = resolve(import.meta.dirname, '../../dist/node/duplo-jit-bridge.cjs');

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

/** Runs a real process (the CLI bundle by default) and collects what it printed. */
export function runProcess(command: string, args: readonly string[], env: Readonly<Record<string, string>> = {}): Promise<CliRun> {
  const started = performance.now();
  return new Promise((done, fail) => {
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('error', fail);
    child.once('close', (code) => done({ code, stdout, stderr, ms: performance.now() - started }));
  });
}

export function runCli(args: readonly string[], env: Readonly<Record<string, string>> = {}): Promise<CliRun> {
  return runProcess(process.execPath, [cliBundle, ...args], env);
}
