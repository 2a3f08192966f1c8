/** Lines `remove` lines from `start` of the original file give way to `insert`. */
export interface Edit {
  readonly start: number;
  readonly remove: number;
  readonly insert: readonly string[];
}

const byStart = (edits: readonly Edit[]): Edit[] => [...edits].sort((a, b) => a.start - b.start);

/**
 * The file after the edits, which must not overlap. A last line without a line ending gets one
 * before anything is added after it.
 */
export function applyEdits(lines: readonly string[], edits: readonly Edit[], eol: string): string {
  const out: string[] = [];
  let at = 0;
  for (const edit of byStart(edits)) {
    out.push(...lines.slice(at, edit.start), ...edit.insert);
    at = edit.start + edit.remove;
  }
  out.push(...lines.slice(at));
  return out.map((line, index) => (index < out.length - 1 && !line.endsWith('\n') ? line + eol : line)).join('');
}

const bare = (line: string) => line.replace(/\r?\n$/, '');

/** A unified diff without context lines (as `diff -U0`), one hunk per edit. */
export function unifiedDiff(path: string, lines: readonly string[], edits: readonly Edit[]): string {
  const out = [`--- ${path}`, `+++ ${path}`];
  let shift = 0;
  for (const edit of byStart(edits)) {
    // As diff numbers them: an empty side names the line before it.
    const oldStart = edit.remove === 0 ? edit.start : edit.start + 1;
    const newStart = edit.insert.length === 0 ? edit.start + shift : edit.start + shift + 1;
    out.push(`@@ -${oldStart},${edit.remove} +${newStart},${edit.insert.length} @@`);
    out.push(...lines.slice(edit.start, edit.start + edit.remove).map((line) => `-${bare(line)}`));
    out.push(...edit.insert.map((line) => `+${bare(line)}`));
    shift += edit.insert.length - edit.remove;
  }
  return `${out.join('\n')}\n`;
}
