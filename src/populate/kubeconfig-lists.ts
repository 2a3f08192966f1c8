import { coreEnd } from './config-lines';
import { isMarkerLine, parseMarker, type Marker } from './managed-marker';
import { PopulateError } from './populate-error';

export const kubeLists = ['clusters', 'users', 'contexts'] as const;
export type KubeList = (typeof kubeLists)[number];

/** One item of a list: its first line (the dash), and the index just past its last key or marker. */
export interface KubeItem {
  readonly name: string | undefined;
  readonly marker: Marker | undefined;
  readonly start: number;
  readonly end: number;
}

/** A top-level list as the file writes it; `bare` when it says `clusters: null` or `[]`, which an item replaces. */
export interface KubeListLines {
  readonly header: number;
  readonly bare: boolean;
  /** Where the list's dashes stand; undefined when it has no item yet. */
  readonly indent: string | undefined;
  readonly items: readonly KubeItem[];
}

const listHeader = /^(clusters|users|contexts):(.*)$/;
const emptyValue = /^\s*(?:null|~|\[\])?\s*(?:#.*)?$/;
const topLevel = (line: string) => /^[^\s#-]/.test(line);

// A name as YAML writes a plain or quoted scalar on one line; kubectl and our builder write no other.
function scalar(text: string): string {
  if (text.startsWith('"')) return JSON.parse(text) as string;
  if (text.startsWith("'")) return text.slice(1, -1).replaceAll("''", "'");
  return text.replace(/\s+#.*$/, '');
}

function itemOf(lines: readonly string[], start: number, end: number): KubeItem {
  const keyColumn = /^\s*-\s+/.exec(lines[start]!)?.[0].length ?? 0;
  let name: string | undefined;
  let marker: Marker | undefined;
  for (let index = start; index < end; index += 1) {
    const line = lines[index]!.trimEnd();
    const own = line.slice(keyColumn);
    if ((index === start || line.slice(0, keyColumn).trim() === '') && own.startsWith('name:')) name = scalar(own.slice('name:'.length).trim());
    marker = parseMarker(line) ?? marker;
  }
  return { name, marker, start, end: coreEnd(lines, { profile: undefined, header: start, end }, isMarkerLine) };
}

function listAt(lines: readonly string[], header: number, rest: string, path: string): KubeListLines {
  if (!emptyValue.test(rest)) throw new PopulateError('SHAPE', `${path} writes "${lines[header]!.trim()}" on one line; populate edits lists written one item a line, as kubectl writes them (kubectl config view --raw prints it so)`);
  let end = header + 1;
  while (end < lines.length && !topLevel(lines[end]!)) end += 1;
  const starts: number[] = [];
  let indent: string | undefined;
  for (let index = header + 1; index < end; index += 1) {
    const dash = /^(\s*)-(?:\s|$)/.exec(lines[index]!);
    if (dash && (indent === undefined || dash[1] === indent)) {
      indent = dash[1]!;
      starts.push(index);
    }
  }
  const items = starts.map((start, at) => itemOf(lines, start, starts[at + 1] ?? end));
  return { header, bare: rest.trim() !== '' && !rest.trim().startsWith('#'), indent, items };
}

/** The file's clusters, users and contexts lists; an absent list is left out. Throws PopulateError on a list on one line. */
export function kubeListsOf(lines: readonly string[], path: string): Partial<Record<KubeList, KubeListLines>> {
  // kubectl reads JSON kubeconfigs too; a list appended to one would break it.
  if (lines.find((line) => line.trim() !== '' && !line.trim().startsWith('#'))?.trim().startsWith('{')) {
    throw new PopulateError('SHAPE', `${path} is JSON; populate edits a YAML kubeconfig (kubectl config view --raw prints it as one)`);
  }
  const found: Partial<Record<KubeList, KubeListLines>> = {};
  lines.forEach((line, index) => {
    const match = listHeader.exec(line.replace(/\r?\n$/, ''));
    if (match) found[match[1] as KubeList] = listAt(lines, index, match[2]!, path);
  });
  return found;
}
