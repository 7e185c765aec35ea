// Gallery search: every word of the query must appear in the prompt (any case, any order).
import type { GalleryEntry } from '../../../lib/params';

export interface GalleryFilter {
  query: string;
  favouritesOnly: boolean;
}

export function filterEntries(entries: GalleryEntry[], { query, favouritesOnly }: GalleryFilter): GalleryEntry[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length && !favouritesOnly) return entries;
  return entries.filter((e) => (!favouritesOnly || e.starred) && words.every((w) => e.prompt.toLowerCase().includes(w)));
}
