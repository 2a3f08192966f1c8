import { readFile, writeFile } from 'node:fs/promises';
import { cpus, loadavg, platform, release } from 'node:os';
import { pairedDifferences, summarize, type Stat } from './stats';

export type Unit = 'ms' | '×' | 'KB';

/** A limit from issue 5, on the figure itself or, where the issue says so, on the raw subject. */
export interface Budget {
  readonly stat: 'median' | 'p95';
  readonly max: number;
  readonly on?: 'figure' | 'subject';
}

/** One row of the report: a subject, the baseline it ran beside, and what one says about the other. */
export interface Figure {
  readonly bench: string;
  /** What the figure is: "aws − node -e 0", "50 processes ÷ 1". */
  readonly name: string;
  readonly unit: Unit;
  /** The difference or ratio (or, for sizes, the size). */
  readonly figure: Stat;
  readonly subject?: Stat;
  readonly baseline?: Stat & { readonly name: string };
  readonly budgets: readonly Budget[];
  readonly note?: string;
}

/** The samples of one side of a difference row. */
export interface Side {
  readonly name: string;
  readonly samples: readonly number[];
}

/** A row in ms whose figure is the run-by-run difference of two interleaved samples. */
export function differenceFigure(row: { bench: string; name: string; subject: readonly number[]; baseline: Side; budgets?: readonly Budget[]; note?: string }): Figure {
  return {
    bench: row.bench,
    name: row.name,
    unit: 'ms',
    figure: summarize(pairedDifferences(row.subject, row.baseline.samples)),
    subject: summarize(row.subject),
    baseline: { name: row.baseline.name, ...summarize(row.baseline.samples) },
    budgets: row.budgets ?? [],
    ...(row.note ? { note: row.note } : {}),
  };
}

export interface Machine {
  readonly cpu: string;
  readonly cores: number;
  readonly os: string;
  readonly node: string;
  readonly chromium: string;
  readonly date: string;
  readonly load: string;
}

export function machine(chromium: string): Machine {
  const all = cpus();
  return {
    cpu: all[0]?.model ?? 'unknown',
    cores: all.length,
    os: `${platform()} ${release()}`,
    node: process.version,
    chromium,
    date: new Date().toISOString(),
    load: loadavg()
      .map((value) => value.toFixed(2))
      .join(' '),
  };
}

const digits = (value: number, unit: Unit) => (unit === '×' ? value.toFixed(2) : unit === 'KB' ? value.toFixed(1) : value.toFixed(value < 10 ? 2 : 1));
const show = (value: number, unit: Unit) => (unit === '×' ? `${digits(value, unit)}×` : `${digits(value, unit)} ${unit}`);
const pair = (stat: Stat, unit: Unit) => (stat.runs > 1 ? `${show(stat.median, unit)} / ${show(stat.p95, unit)}` : show(stat.median, unit));

export function missed(figure: Figure): Budget[] {
  return figure.budgets.filter((budget) => {
    const source = budget.on === 'subject' ? figure.subject : figure.figure;
    return !source || source[budget.stat] > budget.max;
  });
}

function budgetText(figure: Figure): string {
  const stat = (budget: Budget) => (figure.figure.runs > 1 ? `${budget.stat} ` : '');
  return figure.budgets.map((budget) => `${budget.on === 'subject' ? 'abs. ' : ''}${stat(budget)}≤ ${show(budget.max, figure.unit)}`).join(', ') || '—';
}

function verdict(figure: Figure): string {
  if (figure.budgets.length === 0) return '—';
  return missed(figure).length === 0 ? 'pass' : 'MISS';
}

/** The figures as a Markdown table: readable in a terminal and in BENCHMARKS.md alike. */
export function table(figures: readonly Figure[]): string {
  const rows = [
    ['benchmark', 'figure', 'median / p95', 'subject (median / p95)', 'baseline (median / p95)', 'runs', 'budget', 'result'],
    ...figures.map((figure) => [
      figure.bench,
      figure.name,
      pair(figure.figure, figure.unit),
      figure.subject ? pair(figure.subject, figure.unit === 'KB' ? 'KB' : 'ms') : '',
      figure.baseline ? `${figure.baseline.name}: ${pair(figure.baseline, 'ms')}` : '',
      String(figure.figure.runs),
      budgetText(figure),
      verdict(figure),
    ]),
  ];
  const lines = rows.map((cells) => `| ${cells.join(' | ')} |`);
  lines.splice(1, 0, `|${rows[0]!.map(() => ' --- ').join('|')}|`);
  return lines.join('\n');
}

/** BENCHMARKS.md: this run's figures and machine, then the hand-written notes (what changed, known misses). */
export async function writeReport(path: string, figures: readonly Figure[], host: Machine, notesPath: string, seconds: number): Promise<void> {
  const notes = (await readFile(notesPath, 'utf8')).trim();
  const notesList = figures.filter((figure) => figure.note).map((figure) => `- **${figure.bench}, ${figure.name}**: ${figure.note}`);
  const text = `# Benchmarks

Written by \`npm run bench\` (bench/run.ts) on ${host.date}; the whole run took ${Math.round(seconds)} s.
Every timing is a difference (or a ratio) against a baseline run interleaved with it in the
same run, so load from other processes falls on both; "median / p95" are over the runs shown.
Sizes are exact and need no baseline.

| machine | |
| --- | --- |
| CPU | ${host.cpu} |
| cores | ${host.cores} |
| OS | ${host.os} |
| Node | ${host.node} |
| Chromium | ${host.chromium} |
| load average at start | ${host.load} |

${table(figures)}
${notesList.length > 0 ? `\n${notesList.join('\n')}\n` : ''}
${notes}
`;
  await writeFile(path, text);
}
