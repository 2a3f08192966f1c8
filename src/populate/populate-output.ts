import { applyEdits, unifiedDiff } from './config-edits';
import { writeConfig, type EditedFile } from './config-file';
import type { PopulateIo } from './populate-io';
import type { Plan } from './populate-plan';

function report(plan: Plan, noun: string): string {
  const lines = [...plan.added.map((name) => `Added ${noun} ${name}`), ...plan.updated.map((name) => `Updated ${noun} ${name}`), ...plan.removed.map((name) => `Removed ${noun} ${name}`)];
  lines.push(`Unchanged: ${plan.unchanged} ${noun}${plan.unchanged === 1 ? '' : 's'}`);
  return `${lines.join('\n')}\n`;
}

export interface PlannedFile {
  readonly file: EditedFile;
  readonly lines: readonly string[];
  readonly eol: string;
  readonly plan: Plan;
  /** What the report calls one entry: `profile`, `context`. */
  readonly noun: string;
}

/** Writes the plan's edits, or with --dry-run prints them as a diff; says what changed either way. */
export async function carryOut(file: PlannedFile, dryRun: boolean, io: PopulateIo): Promise<number> {
  const { lines, plan } = file;
  const { path } = file.file;
  if (plan.edits.length === 0) {
    io.stdout(`${report(plan, file.noun)}Nothing to change in ${path}\n`);
  } else if (dryRun) {
    io.stdout(`${unifiedDiff(path, lines, plan.edits)}${report(plan, file.noun)}Dry run: ${path} was not changed\n`);
  } else {
    await writeConfig(file.file, applyEdits(lines, plan.edits, file.eol));
    io.stdout(report(plan, file.noun));
  }
  return 0;
}
