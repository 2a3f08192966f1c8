import { runCli, runProcess, type CliRun } from '../test/support/run-cli';

/**
 * Starts N processes at once and prints their wall time as JSON: `aws HOST TENANT` runs
 * `duplo-jit-bridge aws` (the socket comes in the environment), `node` runs `node -e 0`, the
 * least any Node process costs. It is a process of its own because forking hundreds of
 * children blocks the forking process for seconds, and the demo portal lives in the bench
 * process, while a real portal is elsewhere.
 */
const [size, what, host, tenant] = process.argv.slice(2);
const start = (): Promise<CliRun> => {
  if (what === 'node') return runProcess(process.execPath, ['-e', '0']);
  if (what === 'aws' && host && tenant) return runCli(['aws', '--host', host, '--tenant', tenant]);
  throw new Error('usage: crowd.ts N (node | aws HOST TENANT)');
};
const started = performance.now();
const runs = await Promise.all(Array.from({ length: Number(size) }, start));
const ms = performance.now() - started;
const failed = runs.filter((run) => run.code !== 0);
process.stdout.write(`${JSON.stringify({ ms, failed: failed.length, error: failed[0]?.stderr.trim() ?? '' })}\n`);
