// Lays the gallery out in rows: single images side by side, newest first; a batch or sweep kept
// together under a header that says what varied, its images in their planned order.
import type { EntryGroup, GalleryEntry } from '@/lib/params';

export type Row = { kind: 'header'; key: string; label: string; count: number; group: Pick<EntryGroup, 'id' | 'kind'> } | { kind: 'items'; key: string; entries: GalleryEntry[] };

export function buildRows(entries: GalleryEntry[], columns: number): Row[] {
  const rows: Row[] = [];
  const groups = new Map<string, GalleryEntry[]>();
  for (const entry of entries) {
    if (!entry.group) continue;
    const members = groups.get(entry.group.id);
    if (members) members.push(entry);
    else groups.set(entry.group.id, [entry]);
  }
  let loose: GalleryEntry[] = [];
  const flush = () => {
    for (let i = 0; i < loose.length; i += columns) rows.push({ kind: 'items', key: loose[i]!.id, entries: loose.slice(i, i + columns) });
    loose = [];
  };
  const placed = new Set<string>();
  for (const entry of entries) {
    if (!entry.group) {
      loose.push(entry);
      continue;
    }
    if (placed.has(entry.group.id)) continue;
    placed.add(entry.group.id);
    flush();
    const members = groups.get(entry.group.id)!.sort((a, b) => a.group!.index - b.group!.index);
    rows.push({ kind: 'header', key: `h-${entry.group.id}`, label: entry.group.label, count: members.length, group: { id: entry.group.id, kind: entry.group.kind } });
    for (let i = 0; i < members.length; i += columns) rows.push({ kind: 'items', key: members[i]!.id, entries: members.slice(i, i + columns) });
  }
  flush();
  return rows;
}
