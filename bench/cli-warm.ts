import { build } from 'esbuild';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runProcess } from '../test/support/run-cli';
import type { Bench } from './harness';
import { differenceFigure, type Figure } from './report';
import { interleave } from './stats';

/** bench/floor-client.ts as one CommonJS file, as the CLI ships. */
async function buildFloorClient(dir: string): Promise<string> {
  const outfile = join(dir, 'floor-client.cjs');
  await build({ entryPoints: [resolve(import.meta.dirname, 'floor-client.ts')], outfile, bundle: true, platform: 'node', format: 'cjs', minify: true, logLevel: 'warning' });
  return outfile;
}

/**
 * 1. `duplo-jit-bridge aws` as the AWS CLI runs it, a whole process, with the credentials
 * already held by the extension; against `node -e 0`, the least any Node program costs, and
 * a bare client making the same request (the least any Node credential_process costs here).
 */
export async function cliWarm(bench: Bench, rounds = 30): Promise<Figure[]> {
  const tenant = 'dev01';
  const dir = await mkdtemp(join(tmpdir(), 'duplo-jit-bench-'));
  try {
    const floorClient = await buildFloorClient(dir);
    const floor = async () => {
      const run = await runProcess(process.execPath, [floorClient, bench.socket, bench.portal.url, tenant]);
      if (!run.stdout.includes('"AccessKeyId"')) throw new Error(`floor client got no keys: ${run.stdout}${run.stderr}`);
      return run.ms;
    };
    // Warm: the extension holds this tenant's keys, and every program is in the page cache.
    await bench.awsProcess(tenant);
    await floor();
    await runProcess(process.execPath, ['-e', '0']);
    const samples = await interleave(rounds, {
      node: async () => (await runProcess(process.execPath, ['-e', '0'])).ms,
      floor,
      aws: () => bench.awsProcess(tenant),
    });
    const node = { name: 'node -e 0', samples: samples.node };
    return [
      differenceFigure({ bench: '1. CLI, warm', name: 'aws − node -e 0', subject: samples.aws, baseline: node, budgets: [{ stat: 'median', max: 15 }] }),
      differenceFigure({
        bench: '1. CLI, warm',
        name: 'bare client − node -e 0 (the floor)',
        subject: samples.floor,
        baseline: node,
        note: 'bench/floor-client.ts: node:net, one request through the same bridge, the answer printed; no flags, no checks. What any Node credential_process costs here before doing anything of its own.',
      }),
      differenceFigure({ bench: '1. CLI, warm', name: 'aws − bare client', subject: samples.aws, baseline: { name: 'bare client', samples: samples.floor } }),
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
