import { coreEnd, keyIndex, type Section } from './config-lines';
import type { Edit } from './config-edits';
import { isMarkerLine } from './managed-marker';

/** A profile as populate writes it: its name and its key lines, then its marker comment. */
export interface ProfileText {
  readonly name: string;
  readonly keys: readonly (readonly [key: string, value: string])[];
  readonly marker: string;
}

const keyText = (key: string, value: string, eol: string) => `${key} = ${value}${eol}`;

/** New sections at the end of the file, each after a blank line but the first when the file is empty or ends with one. */
export function addProfiles(lines: readonly string[], profiles: readonly ProfileText[], eol: string): Edit {
  const last = lines.at(-1);
  const insert = profiles.flatMap((profile, at) => [
    ...(at === 0 && (last === undefined || last.trim() === '') ? [] : [eol]),
    `[profile ${profile.name}]${eol}`,
    ...profile.keys.map(([key, value]) => keyText(key, value, eol)),
    `${profile.marker}${eol}`,
  ]);
  return { start: lines.length, remove: 0, insert };
}

/**
 * Our keys and marker set in an existing section; every other line of it stays. An empty list
 * means the section already says all of it.
 */
export function updateProfile(lines: readonly string[], section: Section, profile: ProfileText, eol: string): Edit[] {
  const edits: Edit[] = [];
  const missing: string[] = [];
  for (const [key, value] of profile.keys) {
    const at = keyIndex(lines, section, key);
    const line = keyText(key, value, eol);
    if (at < 0) missing.push(line);
    else if (lines[at]!.trimEnd() !== line.trimEnd()) edits.push({ start: at, remove: 1, insert: [line] });
  }
  let marker = -1;
  for (let index = section.header + 1; index < section.end; index += 1) if (isMarkerLine(lines[index]!)) marker = index;
  if (marker >= 0 && lines[marker]!.trim() === profile.marker) {
    if (missing.length > 0) edits.push({ start: marker, remove: 0, insert: missing });
  } else if (marker >= 0) {
    edits.push({ start: marker, remove: 1, insert: [...missing, `${profile.marker}${eol}`] });
  } else {
    edits.push({ start: coreEnd(lines, section, isMarkerLine), remove: 0, insert: [...missing, `${profile.marker}${eol}`] });
  }
  return edits;
}

/**
 * The section's header through its last key or marker, and the blank line addProfile put
 * before it when nothing but a blank line or the end of the file follows: adding a profile and
 * removing it again gives back the file as it was. Comments after the last key stay, since they
 * usually introduce the next section.
 */
export function removeProfile(lines: readonly string[], section: Section): Edit {
  const end = coreEnd(lines, section, isMarkerLine);
  const blank = (index: number) => lines[index]?.trim() === '';
  const gapBefore = section.header > 0 && blank(section.header - 1) && (end === lines.length || blank(end));
  const start = gapBefore ? section.header - 1 : section.header;
  return { start, remove: end - start, insert: [] };
}
