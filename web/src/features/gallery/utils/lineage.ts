// The history of an edit, read from the gallery's list: an edit's parent is the entry whose id its
// source names (source.entryId). Pure functions over an index built once per list, so a lookup is
// O(1); robust to parents that are gone (deleted, or the source was a file) and to cycles (records
// from an import are untrusted: A may name B as parent and B name A).
import type { GalleryEntry } from '@/lib/params';

export interface LineageIndex {
  byId: ReadonlyMap<string, GalleryEntry>;
  /** Each parent id's edits, in the list's order (newest first). */
  children: ReadonlyMap<string, readonly GalleryEntry[]>;
}

const NONE: readonly GalleryEntry[] = [];

export function indexLineage(entries: readonly GalleryEntry[]): LineageIndex {
  const byId = new Map<string, GalleryEntry>();
  const children = new Map<string, GalleryEntry[]>();
  for (const entry of entries) {
    byId.set(entry.id, entry);
    const parent = entry.source?.entryId;
    if (parent === undefined || parent === entry.id) continue;
    const list = children.get(parent);
    if (list) list.push(entry);
    else children.set(parent, [entry]);
  }
  return { byId, children };
}

/** The entry this one was edited from, if it is in the gallery (never the entry itself). */
export function parentOf(index: LineageIndex, entry: GalleryEntry): GalleryEntry | undefined {
  const id = entry.source?.entryId;
  return id === undefined || id === entry.id ? undefined : index.byId.get(id);
}

/**
 * From the first image known to this one, this one last. It starts at an entry with no source, or
 * at an edit whose parent is not in the gallery; a cycle ends it where it would repeat.
 */
export function chainOf(index: LineageIndex, entry: GalleryEntry): GalleryEntry[] {
  const chain = [entry];
  const seen = new Set([entry.id]);
  for (let at = parentOf(index, entry); at && !seen.has(at.id); at = parentOf(index, at)) {
    seen.add(at.id);
    chain.push(at);
  }
  return chain.reverse();
}

/** The edits made from this entry (its branches), newest first. */
export function childrenOf(index: LineageIndex, id: string): readonly GalleryEntry[] {
  return index.children.get(id) ?? NONE;
}

/** How many edits deep: 0 for an image made from a prompt alone, else the edits in its chain. */
export function depthOf(index: LineageIndex, entry: GalleryEntry): number {
  return chainOf(index, entry).filter((e) => e.source).length;
}

/**
 * Every edit's depth at once (entries that are no edit are left out), each chain walked once: for
 * the list, where each row then looks its entry up in O(1).
 */
export function depthsOf(entries: readonly GalleryEntry[]): Map<string, number> {
  const depths = new Map<string, number>();
  // Runs on every change of a list that may hold 100,000 entries, most of them no edit: only the
  // entries some edit names as its parent are indexed (children are not needed here).
  const parents = new Set<string>();
  for (const entry of entries) if (entry.source?.entryId !== undefined) parents.add(entry.source.entryId);
  if (parents.size === 0 && !entries.some((e) => e.source)) return depths;
  const byId = new Map<string, GalleryEntry>();
  for (const entry of entries) if (parents.has(entry.id)) byId.set(entry.id, entry);
  const index: LineageIndex = { byId, children: new Map() };
  const visiting = new Set<string>();
  const depth = (entry: GalleryEntry): number => {
    if (!entry.source) return 0;
    const known = depths.get(entry.id);
    if (known !== undefined) return known;
    // Iterative: a chain thousands of edits long must not overflow the stack.
    const path: GalleryEntry[] = [];
    let at: GalleryEntry | undefined = entry;
    let base = 0;
    let cycle = false;
    while (at && at.source) {
      const have = depths.get(at.id);
      if (have !== undefined) {
        base = have;
        break;
      }
      if (visiting.has(at.id)) {
        cycle = true;
        break;
      }
      visiting.add(at.id);
      path.push(at);
      at = parentOf(index, at);
    }
    // A cycle (rare, damaged data): each entry's own chain, so the list agrees with the viewer.
    if (cycle) for (const e of path) depths.set(e.id, depthOf(index, e));
    else for (let i = path.length - 1; i >= 0; i--) depths.set(path[i]!.id, ++base);
    for (const e of path) visiting.delete(e.id);
    return depths.get(entry.id)!;
  };
  for (const entry of entries) if (entry.source) depth(entry);
  return depths;
}
