// The gallery as react-query data read from IndexedDB: the list (the newest screenful first, then
// all of it), and each entry's thumbnail and full image (loaded only when shown).
import { queryOptions, useQuery, useQueryClient, type QueryFunctionContext } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { GalleryEntry } from '@/lib/params';
import { getImage, getThumb, listEntries, listNewest } from '@/features/gallery/storage/gallery-db';

export const galleryKeys = {
  all: ['gallery'] as const,
  list: () => [...galleryKeys.all, 'list'] as const,
  thumb: (id: string) => [...galleryKeys.all, 'thumb', id] as const,
  image: (id: string) => [...galleryKeys.all, 'image', id] as const,
};

/** One empty list for "not loaded yet": a new [] each render would change memoized layouts forever. */
export const NO_ENTRIES: GalleryEntry[] = [];

/** Entries read first, before the whole list: more than any screen shows at once. */
export const FIRST_SCREEN = 200;

let loadingTotal: number | undefined;
/** While the first load shows only the newest entries: how many records are stored in all. */
export const galleryLoadingTotal = () => loadingTotal;

/**
 * The first load shows the newest FIRST_SCREEN entries as soon as they are read, then every entry.
 * What the user did to the shown ones meanwhile (a new image, a star, a delete) is kept: the full
 * read only adds the entries that were not on the first screen. A later refetch keeps the list it
 * has until the new one is complete.
 */
async function loadList({ client, queryKey }: QueryFunctionContext): Promise<GalleryEntry[]> {
  let firstIds: Set<string> | undefined;
  if (client.getQueryData(queryKey) === undefined) {
    const { entries, total } = await listNewest(FIRST_SCREEN);
    firstIds = new Set(entries.map((e) => e.id));
    loadingTotal = total;
    client.setQueryData(queryKey, entries);
  }
  try {
    const all = await listEntries();
    const shown = client.getQueryData<GalleryEntry[]>(queryKey);
    if (!firstIds || !shown) return all;
    const have = new Set(shown.map((e) => e.id));
    return shown.concat(all.filter((e) => !firstIds.has(e.id) && !have.has(e.id)));
  } finally {
    loadingTotal = undefined;
  }
}

export const galleryQueryOptions = queryOptions({
  queryKey: galleryKeys.list(),
  queryFn: loadList,
  // Comparing a 100,000-entry list with the previous one, entry by entry, costs more than it saves.
  structuralSharing: false,
});

export const useGallery = () => useQuery(galleryQueryOptions);

export const useThumb = (id: string) => useQuery({ queryKey: galleryKeys.thumb(id), queryFn: async () => (await getThumb(id)) ?? null });

/** Full images are large: kept in memory only a short while after they leave the screen. */
export const useImageBlob = (id: string | undefined) =>
  useQuery({ queryKey: galleryKeys.image(id ?? ''), queryFn: async () => (await getImage(id!)) ?? null, enabled: !!id, gcTime: 30_000 });

// Tabs share one IndexedDB: a change in one tab tells the others to read the list again.
const channel = typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel('friendli-studio-gallery');

/** Tells other tabs the gallery changed. */
export const announceChange = () => channel?.postMessage('changed');

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
