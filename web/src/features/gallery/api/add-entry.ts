// Saves a generated image into the gallery: its bytes (never only a URL, which can expire), a
// thumbnail, and everything needed to reproduce it.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { GalleryEntry } from '@/lib/params';
import { saveEntry } from '@/features/gallery/storage/gallery-db';
import { requestPersistence } from '@/features/gallery/storage/persistence';
import { makeThumbnail } from '@/features/gallery/utils/thumbnail';
import { updateList } from './gallery';

export interface NewEntry {
  entry: GalleryEntry;
  /** The image's bytes (the queue fetched them from the server as part of the job). */
  image: Blob;
  /** The <img> already showing it, if any: the thumbnail is drawn from it. */
  shown?: HTMLImageElement;
}

export async function addEntry({ entry, image, shown }: NewEntry): Promise<GalleryEntry> {
  await saveEntry(entry, image, await makeThumbnail(image, shown));
  requestPersistence();
  return entry;
}

export function useAddEntry() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: addEntry,
    onSuccess: (entry) => updateList(queryClient, (old) => [entry, ...old.filter((e) => e.id !== entry.id)]),
  });
}
