// The gallery's side of the input images (an edit's source, control images): an entry's bytes taken
// as one (Edit, Use as control image), checked as any input image is and stored once by hash; an
// input image's bytes read when shown (the viewer, when the source is not, or no longer, a gallery
// entry). Whether an entry's inputs are all here (the reproduce check) is missing-inputs.ts.
import { useQuery } from '@tanstack/react-query';
import { inputImageQuery } from '@/lib/input-image-query';
import { readInputImage, storeInput } from '@/lib/input-images';
import type { GalleryEntry, InputRef } from '@/lib/params';
import { getImage } from '@/features/gallery/storage/gallery-db';

/** null: no such bytes in this browser. Small and rarely shown: kept briefly once off screen. */
export const useInputImage = (hash: string | undefined) => useQuery({ ...inputImageQuery(hash ?? ''), enabled: !!hash, gcTime: 30_000 });

/**
 * An entry's image as an input image, stored: its bytes are checked as any input image's are
 * (IndexedDB is untrusted, and may hold an import; `maxBytes` is the server's limit), then stored
 * once by hash, the entry recorded as their origin. Rejects with why not.
 */
export async function entryAsInput(entry: GalleryEntry, maxBytes: number): Promise<InputRef> {
  const image = await getImage(entry.id);
  if (!image) throw new Error('this image’s bytes are missing from the browser’s storage.');
  const { blob, ref } = await readInputImage(image, maxBytes);
  await storeInput(blob, ref);
  return { ...ref, entryId: entry.id };
}
