// The gallery as react-query data read from IndexedDB: the list (the newest screenful first, then
// all of it, with how many records were damaged), each entry's thumbnail and full image (loaded
// only when shown), and updateList, the one way this tab's list changes after a write.
import { useQuery, useQueryClient, type QueryClient, type QueryFunctionContext } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { GalleryEntry } from '@/lib/params';
import { getImage, getThumb, listEntries, listNewest } from '@/features/gallery/storage/gallery-db';
import { spaced } from '@/lib/user-space';

// What a failed read or write means, for the components that say it.
export { GalleryUpgradeBlockedError, StorageFullError } from '@/features/gallery/storage/gallery-db';

/** An entry's full image as stored (for a download, a comparison): undefined when its bytes are missing. */
export const entryImage = (id: string) => getImage(id);

export const galleryKeys = {
  all: ['gallery'] as const,
  list: () => [...galleryKeys.all, 'list'] as const,
  thumb: (id: string) => [...galleryKeys.all, 'thumb', id] as const,
  image: (id: string) => [...galleryKeys.all, 'image', id] as const,
};

/**
 * The list as cached: entries newest first; records the last full read skipped as damaged; and,
 * while the first load shows only the newest entries, how many records are stored in all.
 */
export interface GalleryList {
  entries: GalleryEntry[];
  damaged: number;
  loadingTotal?: number;
}

/** One empty list for "not loaded yet": a new [] each render would change memoized layouts forever. */
export const NO_ENTRIES: GalleryEntry[] = [];

/** Entries read first, before the whole list: more than any screen shows at once. */
const FIRST_SCREEN = 200;

/**
 * The first load shows the newest FIRST_SCREEN entries as soon as they are read, then every entry.
 * What the user did to the shown ones meanwhile (a new image, a star, a delete) is kept: the full
 * read only adds the entries that were not on the first screen. A later refetch keeps the list it
 * has until the new one is complete.
 */
async function loadList({ client, queryKey }: QueryFunctionContext): Promise<GalleryList> {
  let firstIds: Set<string> | undefined;
  if (client.getQueryData(queryKey) === undefined) {
    const { entries, total } = await listNewest(FIRST_SCREEN);
    firstIds = new Set(entries.map((e) => e.id));
    client.setQueryData<GalleryList>(queryKey, { entries, damaged: 0, loadingTotal: total });
  }
  const all = await listEntries();
  const shown = client.getQueryData<GalleryList>(queryKey)?.entries;
  if (!firstIds || !shown) return all;
  const have = new Set(shown.map((e) => e.id));
  return { entries: shown.concat(all.entries.filter((e) => !firstIds.has(e.id) && !have.has(e.id))), damaged: all.damaged };
}

const listQuery = {
  queryKey: galleryKeys.list(),
  queryFn: loadList,
  // Comparing a 100,000-entry list with the previous one, entry by entry, costs more than it saves.
  structuralSharing: false,
};
const entriesOf = (list: GalleryList) => list.entries;
const statusOf = ({ damaged, loadingTotal }: GalleryList) => ({ damaged, loadingTotal });

/** The entries, newest first. */
export const useGallery = () => useQuery({ ...listQuery, select: entriesOf });
/** How many records are damaged, and (during the first load) how many are stored. */
export const useGalleryStatus = () => useQuery({ ...listQuery, select: statusOf });

/** Changes this tab's list after a write, and tells other tabs. The only writer of the list. */
export function updateList(client: QueryClient, update: (entries: GalleryEntry[]) => GalleryEntry[]) {
  client.setQueryData<GalleryList>(galleryKeys.list(), (old) => ({ damaged: old?.damaged ?? 0, entries: update(old?.entries ?? []) }));
  announceChange();
}

/** Reads the list again (after an import, which may stop part-way), and tells other tabs. */
export async function reloadList(client: QueryClient) {
  announceChange();
  await client.invalidateQueries({ queryKey: galleryKeys.list() });
}

export const useThumb = (id: string) => useQuery({ queryKey: galleryKeys.thumb(id), queryFn: async () => (await getThumb(id)) ?? null });

/** Full images are large: kept in memory only a short while after they leave the screen. */
export const useImageBlob = (id: string | undefined) =>
  useQuery({ queryKey: galleryKeys.image(id ?? ''), queryFn: async () => (await getImage(id!)) ?? null, enabled: !!id, gcTime: 30_000 });

// Tabs share one IndexedDB: a change in one tab tells the others to read the list again.
const channel = typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(spaced('friendli-studio-gallery'));

/** Tells other tabs the gallery changed. */
const announceChange = () => channel?.postMessage('changed');

/** Keeps this tab's list in step with what other tabs store. */
export function useGallerySync() {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!channel) return;
    const refresh = () => void queryClient.invalidateQueries({ queryKey: galleryKeys.list() });
    channel.addEventListener('message', refresh);
    return () => channel.removeEventListener('message', refresh);
  }, [queryClient]);
}
