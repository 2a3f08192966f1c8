/** A sample reduced to what the report shows: its median and its 95th percentile. */
export interface Stat {
  readonly median: number;
  readonly p95: number;
  readonly runs: number;
}

/** Nearest-rank quantile: always a value that was measured, never an interpolation. */
function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) throw new Error('no samples');
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

export function summarize(values: readonly number[]): Stat {
  const sorted = [...values].sort((a, b) => a - b);
  // An even count takes the mean of the middle two, the usual median.
  const middle = sorted.length / 2;
  const median = sorted.length % 2 === 0 ? (sorted[middle - 1]! + sorted[middle]!) / 2 : sorted[Math.floor(middle)]!;
  return { median, p95: quantile(sorted, 0.95), runs: sorted.length };
}

/**
 * Differences run by run. Subject and baseline ran side by side, so a burst of load from
 * another process on these 2 shared cores lands on both halves of a pair and cancels out.
 */
export function pairedDifferences(subject: readonly number[], baseline: readonly number[]): number[] {
  if (subject.length !== baseline.length) throw new Error('paired samples differ in length');
  return subject.map((value, index) => value - baseline[index]!);
}

export function pairedRatios(subject: readonly number[], baseline: readonly number[]): number[] {
  if (subject.length !== baseline.length) throw new Error('paired samples differ in length');
  return subject.map((value, index) => value / baseline[index]!);
}

/**
 * Runs every step once per round and returns each step's samples. The order flips every
 * round (A B, B A, ...) so neither side always runs first, on a colder or a warmer machine.
 */
export async function interleave<K extends string>(rounds: number, steps: Readonly<Record<K, () => Promise<number>>>): Promise<Record<K, number[]>> {
  const names = Object.keys(steps) as K[];
  const samples = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<K, number[]>;
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? names : [...names].reverse();
    for (const name of order) samples[name].push(await steps[name]());
  }
  return samples;
}

/** Wall time of one async call, in milliseconds. */
export async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}
