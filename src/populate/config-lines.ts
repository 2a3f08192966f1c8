/**
 * The AWS config file as lines, each with its own line ending, so that whatever populate does
 * not touch is written back byte for byte. No INI library does that: the common ones (ini,
 * js-ini, config-ini-parser) parse into objects and write their own layout, dropping comments.
 */
export function splitLines(text: string): string[] {
  return text.split(/(?<=\n)/).filter((line) => line !== '');
}

/** The ending new lines get: the file's own, CRLF when its first line has one. */
export function lineEndingOf(lines: readonly string[]): string {
  return lines[0]?.endsWith('\r\n') ? '\r\n' : '\n';
}

/** One `[...]` section: its header line and the index just past its last line. */
export interface Section {
  /** `profile NAME` headers give NAME; `default`, `sso-session x`, `services x` give undefined. */
  readonly profile: string | undefined;
  readonly header: number;
  readonly end: number;
}

// The AWS CLI takes `[profile NAME]` with any spacing; a trailing comment may follow.
const headerLine = /^\s*\[([^\]]*)\]\s*(?:[#;].*)?$/;
const profileHeader = /^profile\s+(\S+)\s*$/;

export function sectionsOf(lines: readonly string[]): Section[] {
  const headers: { index: number; profile: string | undefined }[] = [];
  lines.forEach((line, index) => {
    const match = headerLine.exec(line.trimEnd());
    if (match) headers.push({ index, profile: profileHeader.exec(match[1]!.trim())?.[1] });
  });
  return headers.map((header, at) => ({ profile: header.profile, header: header.index, end: headers[at + 1]?.index ?? lines.length }));
}

const keyLine = /^([A-Za-z0-9_.-]+)\s*=/;

/** The index of `key = ...` in a section's own lines (not a nested, indented one); -1 when absent. */
export function keyIndex(lines: readonly string[], section: Section, key: string): number {
  for (let index = section.header + 1; index < section.end; index += 1) {
    if (keyLine.exec(lines[index]!)?.[1] === key) return index;
  }
  return -1;
}

/** Past the section's last key or marker: the comments and blank lines after it introduce the next section. */
export function coreEnd(lines: readonly string[], section: Section, isMarker: (line: string) => boolean): number {
  let end = section.header + 1;
  for (let index = section.header + 1; index < section.end; index += 1) {
    const line = lines[index]!.trim();
    if ((line !== '' && !line.startsWith('#') && !line.startsWith(';')) || isMarker(lines[index]!)) end = index + 1;
  }
  return end;
}
