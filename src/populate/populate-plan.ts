import { sectionsOf, type Section } from './config-lines';
import type { Edit } from './config-edits';
import { parseMarker, type Marker } from './managed-marker';
import { PopulateError } from './populate-error';
import { addProfiles, removeProfile, updateProfile, type ProfileText } from './profile-edits';

/** What planning either file starts from: its lines, this portal, and the flags. */
export interface FileRequest {
  readonly lines: readonly string[];
  readonly eol: string;
  /** The file's name, for messages. */
  readonly path: string;
  readonly origin: string;
  /** Names of the tenants the user has now: an entry populate wrote for any other is stale. */
  readonly tenants: ReadonlySet<string>;
  readonly prune: boolean;
  readonly force: boolean;
}

export interface PlanRequest extends FileRequest {
  readonly profiles: readonly ProfileText[];
}

export interface Plan {
  readonly edits: readonly Edit[];
  readonly added: readonly string[];
  readonly updated: readonly string[];
  readonly removed: readonly string[];
  readonly unchanged: number;
}

const quoted = (names: readonly string[]) => names.map((name) => `"${name}"`).join(', ');

function markerOf(lines: readonly string[], section: Section): Marker | undefined {
  for (let index = section.end - 1; index > section.header; index -= 1) {
    const marker = parseMarker(lines[index]!);
    if (marker) return marker;
  }
  return undefined;
}

function profileSections(request: PlanRequest): Map<string, Section> {
  const found = new Map<string, Section>();
  const twice: string[] = [];
  for (const section of sectionsOf(request.lines)) {
    if (section.profile === undefined) continue;
    if (found.has(section.profile)) twice.push(section.profile);
    found.set(section.profile, section);
  }
  const touched = twice.filter((name) => request.profiles.some((profile) => profile.name === name));
  if (touched.length > 0) {
    throw new PopulateError('DUPLICATE', `${request.path} has more than one [profile ${touched[0]}] section (the AWS CLI refuses such a file too); keep one, then run populate again`);
  }
  return found;
}

/** What populate changes in the file: every edit, and the names for each line of its report. Throws PopulateError. */
export function planPopulate(request: PlanRequest): Plan {
  const { lines, eol, origin } = request;
  const sections = profileSections(request);
  const foreign = request.profiles.filter((profile) => {
    const section = sections.get(profile.name);
    return section !== undefined && markerOf(lines, section)?.origin !== origin;
  });
  if (foreign.length > 0 && !request.force) {
    const what = foreign.length === 1 ? `profile ${quoted(foreign.map((p) => p.name))} is` : `profiles ${quoted(foreign.map((p) => p.name))} are`;
    throw new PopulateError('NOT_OURS', `${what} already in ${request.path} and populate did not write ${foreign.length === 1 ? 'it' : 'them'} for ${origin}; rename or remove ${foreign.length === 1 ? 'it' : 'them'}, use --prefix, or run again with --force to overwrite`);
  }
  const edits: Edit[] = [];
  const added: ProfileText[] = [];
  const updated: string[] = [];
  let unchanged = 0;
  for (const profile of request.profiles) {
    const section = sections.get(profile.name);
    if (!section) {
      added.push(profile);
      continue;
    }
    const changes = updateProfile(lines, section, profile, eol);
    if (changes.length === 0) unchanged += 1;
    else updated.push(profile.name);
    edits.push(...changes);
  }
  const removed = request.prune ? staleProfiles(request, sections) : [];
  edits.push(...removed.map((name) => removeProfile(lines, sections.get(name)!)));
  // New sections go last, after every edit inside the file.
  if (added.length > 0) edits.push(addProfiles(lines, added, eol));
  return { edits, added: added.map((profile) => profile.name), updated, removed, unchanged };
}

/** Profiles this portal's populate wrote for a tenant the user no longer has; never admin or duplo-ops, never another's. */
function staleProfiles(request: PlanRequest, sections: ReadonlyMap<string, Section>): string[] {
  const wanted = new Set(request.profiles.map((profile) => profile.name));
  return [...sections].flatMap(([name, section]) => {
    const marker = markerOf(request.lines, section);
    if (wanted.has(name) || marker?.origin !== request.origin || typeof marker.scope === 'string') return [];
    return request.tenants.has(marker.scope.tenant) ? [] : [name];
  });
}
