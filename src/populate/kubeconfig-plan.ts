import type { KubeconfigEntries } from '../duplo/kubeconfig';
import type { Edit } from './config-edits';
import { kubeListsOf, kubeLists, type KubeItem, type KubeList, type KubeListLines } from './kubeconfig-lists';
import { PopulateError } from './populate-error';
import type { FileRequest, Plan } from './populate-plan';

/** One tenant's cluster, user and context, all named `name`, and the marker each item ends with. */
export interface KubeEntry {
  readonly name: string;
  readonly entries: KubeconfigEntries;
  readonly marker: string;
}

export interface KubePlanRequest extends FileRequest {
  readonly wanted: readonly KubeEntry[];
}

const bare = (line: string) => line.replace(/\r?\n$/, '');

/** The item's lines as populate writes them: the marker under its keys, all at the list's indentation. */
const itemLines = (entry: KubeEntry, list: KubeList, indent: string, eol: string) => [...entry.entries[list], `  ${entry.marker}`].map((line) => `${indent}${line}${eol}`);

function byName(list: KubeListLines | undefined, kind: KubeList, request: KubePlanRequest): Map<string, KubeItem> {
  const found = new Map<string, KubeItem>();
  for (const item of list?.items ?? []) {
    if (item.name === undefined) continue;
    if (found.has(item.name) && request.wanted.some((entry) => entry.name === item.name)) {
      throw new PopulateError('DUPLICATE', `${request.path} names ${kind} "${item.name}" more than once; keep one, then run populate again`);
    }
    found.set(item.name, item);
  }
  return found;
}

/** What populate changes in a kubeconfig: every edit, and the context names for each line of its report. Throws PopulateError. */
export function planKubeconfig(request: KubePlanRequest): Plan {
  const { lines, eol, origin, wanted } = request;
  const lists = kubeListsOf(lines, request.path);
  const items = Object.fromEntries(kubeLists.map((kind) => [kind, byName(lists[kind], kind, request)])) as Record<KubeList, Map<string, KubeItem>>;
  const foreign = kubeLists.flatMap((kind) => wanted.filter((entry) => items[kind].get(entry.name) && items[kind].get(entry.name)!.marker?.origin !== origin).map((entry) => `${kind} "${entry.name}"`));
  if (foreign.length > 0 && !request.force) {
    throw new PopulateError('NOT_OURS', `${request.path} already has ${foreign.join(', ')}, which populate did not write for ${origin}; rename them, use --prefix, or --force to replace them`);
  }
  const edits: Edit[] = [];
  const atEnd: string[] = [];
  const touched = new Set<string>();
  const absent = new Set<string>();
  for (const kind of kubeLists) {
    const list = lists[kind];
    const indent = list?.indent ?? '';
    const added = wanted.filter((entry) => !items[kind].has(entry.name));
    for (const entry of wanted) {
      const item = items[kind].get(entry.name);
      const text = itemLines(entry, kind, indent, eol);
      if (!item) absent.add(entry.name);
      else if (lines.slice(item.start, item.end).map(bare).join('\n') !== text.map(bare).join('\n')) {
        edits.push({ start: item.start, remove: item.end - item.start, insert: text });
        touched.add(entry.name);
      }
    }
    const insert = added.flatMap((entry) => itemLines(entry, kind, indent, eol));
    if (insert.length === 0) continue;
    if (!list) atEnd.push(`${kind}:${eol}`, ...insert);
    else if (list.bare) edits.push({ start: list.header, remove: 1, insert: [`${kind}:${eol}`, ...insert] });
    else edits.push({ start: list.items.at(-1)?.end ?? list.header + 1, remove: 0, insert });
  }
  const removed = request.prune ? staleItems(request, items) : [];
  edits.push(...removed.map(({ item }) => ({ start: item.start, remove: item.end - item.start, insert: [] })));
  if (atEnd.length > 0) edits.push({ start: lines.length, remove: 0, insert: lines.length === 0 ? [`apiVersion: v1${eol}`, `kind: Config${eol}`, ...atEnd] : atEnd });
  const names = wanted.map((entry) => entry.name);
  const added = names.filter((name) => absent.has(name) && kubeLists.every((kind) => !items[kind].has(name)));
  const updated = names.filter((name) => !added.includes(name) && (touched.has(name) || absent.has(name)));
  return { edits, added, updated, removed: [...new Set(removed.map(({ name }) => name))], unchanged: names.length - added.length - updated.length };
}

/** Items this portal's populate wrote for a tenant the user no longer has; never another's, never one a person wrote. */
function staleItems(request: KubePlanRequest, items: Record<KubeList, Map<string, KubeItem>>): { name: string; item: KubeItem }[] {
  const wanted = new Set(request.wanted.map((entry) => entry.name));
  return kubeLists.flatMap((kind) =>
    [...items[kind]].flatMap(([name, item]) => {
      const scope = item.marker?.origin === request.origin ? item.marker.scope : undefined;
      if (wanted.has(name) || scope === undefined || typeof scope === 'string' || request.tenants.has(scope.tenant)) return [];
      return [{ name, item }];
    }),
  );
}
