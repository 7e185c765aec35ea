// The gallery as react-query data read from IndexedDB: the list, and each entry's thumbnail and
// full image (loaded only when shown).
import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { GalleryEntry } from '../../../lib/params';
import { getImage, getThumb, listEntries } from '../storage/gallery-db';

export const galleryKeys = {
  all: ['gallery'] as const,
  list: () => [...galleryKeys.all, 'list'] as const,
  thumb: (id: string) => [...galleryKeys.all, 'thumb', id] as const,
  image: (id: string) => [...galleryKeys.all, 'image', id] as const,
};

/** One empty list for "not loaded yet": a new [] each render would change memoized layouts forever. */
export const NO_ENTRIES: GalleryEntry[] = [];

export const galleryQueryOptions = queryOptions({ queryKey: galleryKeys.list(), queryFn: listEntries });

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
