import { resolve } from 'node:path';
import { runProcess } from '../test/support/run-cli';
import type { Bench } from './harness';
import type { Figure } from './report';
import { pairedRatios, summarize } from './stats';

const jitRoute = 'subscriptions/{tenantId}/GetAwsConsoleTokenUrl';
const crowdScript = resolve(import.meta.dirname, 'crowd.ts');

interface CrowdResult {
  readonly ms: number;
  readonly failed: number;
  readonly error: string;
}

/**
 * 4. Many `aws` processes at once for one scope, with nothing cached (as when a script or
 * terraform starts many at the same moment): all must get the keys from one portal call.
 * Wall time of the crowd against one process alone, cold too, in the same round. Beside it,
 * the same crowd of bare `node -e 0` against one: the floor that process starts alone set on
 * 2 cores, whatever the program does.
 */
export async function fanOut(bench: Bench, rounds: Readonly<Record<number, number>> = { 50: 5, 200: 2 }): Promise<Figure[]> {
  const tenant = 'qa';
  const crowd = async (size: number, what: 'aws' | 'node'): Promise<number> => {
    if (what === 'aws') await bench.forgetCredentials();
    const before = bench.portal.counters()[jitRoute] ?? 0;
    const args = what === 'aws' ? ['aws', bench.portal.url, tenant] : ['node'];
    const run = await runProcess(process.execPath, ['--import', 'tsx', crowdScript, String(size), ...args], bench.bridge.env);
    const result = JSON.parse(run.stdout) as CrowdResult;
    if (result.failed > 0) throw new Error(`fan-out: ${result.failed} of ${size} processes failed: ${result.error}`);
    const calls = (bench.portal.counters()[jitRoute] ?? 0) - before;
    if (what === 'aws' && calls !== 1) throw new Error(`fan-out: ${size} processes made ${calls} portal calls, not 1`);
    return result.ms;
  };
  await crowd(1, 'aws');
  const figures: Figure[] = [];
  const ratio = (name: string, many: number[], one: number[], baseline: string, budget?: number): Figure => ({
    bench: '4. Fan-out',
    name,
    unit: '×',
    figure: summarize(pairedRatios(many, one)),
    subject: summarize(many),
    baseline: { name: baseline, ...summarize(one) },
    budgets: budget === undefined ? [] : [{ stat: 'median', max: budget }],
  });
  for (const [size, count] of Object.entries(rounds).map(([size, count]) => [Number(size), count] as const)) {
    const samples = { one: [] as number[], many: [] as number[], nodeOne: [] as number[], nodeMany: [] as number[] };
    // The floor is measured for 50 only: 200 bare starts would add a minute and say the same.
    const withFloor = size === 50;
    for (let round = 0; round < count; round++) {
      const steps: [number[], () => Promise<number>][] = [
        [samples.one, () => crowd(1, 'aws')],
        [samples.many, () => crowd(size, 'aws')],
      ];
      if (withFloor) steps.push([samples.nodeOne, () => crowd(1, 'node')], [samples.nodeMany, () => crowd(size, 'node')]);
      // Alternate the order, as interleave does.
      for (const [into, step] of round % 2 === 0 ? steps : steps.reverse()) into.push(await step());
    }
    figures.push(ratio(`${size} aws processes ÷ 1`, samples.many, samples.one, '1 aws process'));
    if (withFloor) {
      figures.push(ratio(`${size} × node -e 0 ÷ 1 (the floor)`, samples.nodeMany, samples.nodeOne, '1 node -e 0'));
      // The budget is on the real floor: 50 bare Node starts on 2 cores take ~20× one, so "≤ 4 × one process" could not be met by any Node program.
      figures.push(ratio(`${size} aws processes ÷ ${size} × node -e 0`, samples.many, samples.nodeMany, `${size} × node -e 0`, 1.3));
    }
  }
  return figures;
}
