import { spawn } from 'node:child_process';

export interface EndpointProcess {
  /** AWS_CONTAINER_CREDENTIALS_FULL_URI as the process printed it. */
  readonly url: string;
  /** AWS_CONTAINER_AUTHORIZATION_TOKEN as the process printed it. */
  readonly secret: string;
  out(): string;
  err(): string;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
}

/**
 * Starts a process that prints a credential endpoint's two `export NAME=value` lines (`serve`,
 * or a stand-in) and reads them once both are whole; fails if it exits first.
 */
export async function startEndpointProcess(args: readonly string[], env: Readonly<Record<string, string | undefined>> = {}): Promise<EndpointProcess> {
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('close', resolve));
  const vars = await new Promise<Record<string, string>>((resolve, reject) => {
    void exited.then((code) => reject(new Error(`${args.join(' ')} exited with ${code} before printing its endpoint: ${err}`)));
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      if (out.split('\n').length > 2) resolve(Object.fromEntries([...out.matchAll(/^export (\w+)=(\S+)$/gm)].map((match) => [match[1]!, match[2]!])));
    });
  });
  return {
    url: vars.AWS_CONTAINER_CREDENTIALS_FULL_URI!,
    secret: vars.AWS_CONTAINER_AUTHORIZATION_TOKEN!,
    out: () => out,
    err: () => err,
    stop: () => (child.kill('SIGTERM'), exited),
  };
}
