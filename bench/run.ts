import { resolve } from 'node:path';
import { cliStart } from './cli-start';
import { cliWarm } from './cli-warm';
import { cold } from './cold';
import { endpoint } from './endpoint';
import { fanOut } from './fan-out';
import { startBench, type Bench } from './harness';
import { popup } from './popup';
import { relay } from './relay';
import { machine, missed, table, writeReport, type Figure } from './report';
import { sizes } from './sizes';
import { workerWake } from './worker-wake';

/**
 * `npm run bench`: every benchmark of issue 5 against the built product, in one Chromium
 * signed in on the demo portal. Prints the table, writes BENCHMARKS.md, and exits 1 when a
 * budget is missed. Names on the command line run only those benchmarks (and write no report).
 */
const benchmarks: Record<string, (bench: Bench) => Promise<Figure[]>> = {
  'cli-warm': cliWarm,
  relay,
  cold,
  'fan-out': fanOut,
  popup,
  endpoint,
  sizes: () => sizes(),
  'cli-start': cliStart,
  // Last: it stops the worker, and with it the host, before bringing them back.
  'worker-wake': workerWake,
};

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !(name in benchmarks));
if (unknown.length > 0) {
  console.error(`unknown benchmark: ${unknown.join(', ')}; choose from ${Object.keys(benchmarks).join(', ')}`);
  process.exit(2);
}

const started = performance.now();
const bench = await startBench();
const host = machine(bench.chromium);
const figures: Figure[] = [];
const failures: string[] = [];
try {
  for (const [name, run] of Object.entries(benchmarks)) {
    if (wanted.length > 0 && !wanted.includes(name)) continue;
    const at = performance.now();
    try {
      figures.push(...(await run(bench)));
    } catch (error) {
      // One broken benchmark must not hide the others' figures; the run still fails.
      failures.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
    }
    console.error(`${name}: ${((performance.now() - at) / 1000).toFixed(1)} s`);
  }
} finally {
  await bench.stop();
}

const seconds = (performance.now() - started) / 1000;
console.log(`\n${host.cpu}, ${host.cores} cores, Node ${host.node}, Chromium ${host.chromium}, load ${host.load}\n`);
console.log(table(figures));
const misses = figures.filter((figure) => missed(figure).length > 0);
if (wanted.length === 0 && failures.length === 0) {
  await writeReport(resolve(import.meta.dirname, '../BENCHMARKS.md'), figures, host, resolve(import.meta.dirname, 'notes.md'), seconds);
  console.log('\nwrote BENCHMARKS.md');
}
for (const failure of failures) console.log(`\nfailed: ${failure}`);
console.log(misses.length === 0 ? `\nevery budget met (${seconds.toFixed(0)} s)` : `\nmissed: ${misses.map((figure) => `${figure.bench} ${figure.name}`).join('; ')}`);
process.exitCode = misses.length === 0 && failures.length === 0 ? 0 : 1;
