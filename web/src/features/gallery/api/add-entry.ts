// Saves a generated image into the gallery: its bytes (never only a URL, which can expire), a
// thumbnail, and everything needed to reproduce it.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { GalleryEntry } from '../../../lib/params';
import { saveEntry } from '../storage/gallery-db';
import { makeThumbnail } from '../utils/thumbnail';
import { announceChange, galleryKeys } from './gallery';

export interface NewEntry {
  entry: GalleryEntry;
  /** Where the server holds the bytes right now (same origin). */
  url: string;
  /** The <img> already showing it, if any: the thumbnail is drawn from it. */
  shown?: HTMLImageElement;
}

export async function addEntry({ entry, url, shown }: NewEntry): Promise<GalleryEntry> {
  const response = await fetch(url);
  if (!response.ok) throw new Error('The image could not be fetched from the server to store it.');
  const image = await response.blob();
  await saveEntry(entry, image, await makeThumbnail(image, shown));
  return entry;
}

export function useAddEntry() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: addEntry,
    onSuccess: (entry) => {
      queryClient.setQueryData(galleryKeys.list(), (old: GalleryEntry[] = []) => [entry, ...old.filter((e) => e.id !== entry.id)]);
      announceChange();
    },
  });
}
