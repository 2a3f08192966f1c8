import { runProcess } from '../test/support/run-cli';
import type { Bench } from './harness';
import type { Figure } from './report';
import { interleave, pairedDifferences, summarize } from './stats';

/**
 * 1. `duplo-jit-bridge aws` as the AWS CLI runs it, a whole process, with the credentials
 * already held by the extension; against `node -e 0`, the least any Node program costs.
 */
export async function cliWarm(bench: Bench, rounds = 30): Promise<Figure[]> {
  const tenant = 'dev01';
  // Warm: the extension holds this tenant's keys, and both programs are in the page cache.
  await bench.awsProcess(tenant);
  await runProcess(process.execPath, ['-e', '0']);
  const samples = await interleave(rounds, {
    node: async () => (await runProcess(process.execPath, ['-e', '0'])).ms,
    aws: () => bench.awsProcess(tenant),
  });
  return [
    {
      bench: '1. CLI, warm',
      name: 'aws − node -e 0',
      unit: 'ms',
      figure: summarize(pairedDifferences(samples.aws, samples.node)),
      subject: summarize(samples.aws),
      baseline: { name: 'node -e 0', ...summarize(samples.node) },
      budgets: [{ stat: 'median', max: 15 }],
    },
  ];
}
