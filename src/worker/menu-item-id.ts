/** A context-menu item's ID: a tag naming the menu, then the item's string parts as JSON. */
export function taggedItemId(tag: string, parts: readonly string[]): string {
  return `${tag}|${JSON.stringify(parts)}`;
}

/** The parts of an ID `taggedItemId` made with `tag` and `count` parts, else undefined (another menu's, or not ours). */
export function readTaggedItemId(id: string | number, tag: string, count: number): string[] | undefined {
  if (typeof id !== 'string' || !id.startsWith(`${tag}|`)) return undefined;
  try {
    const parsed: unknown = JSON.parse(id.slice(tag.length + 1));
    if (!Array.isArray(parsed) || parsed.length !== count || !parsed.every((part) => typeof part === 'string')) return undefined;
    return parsed as string[];
  } catch {
    return undefined;
  }
}
