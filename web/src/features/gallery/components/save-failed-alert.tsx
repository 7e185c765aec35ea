// The newest image could not be stored (a full browser storage, most often): say so, and offer it
// as a download while its object URL still holds it.
import type { GalleryEntry } from '@/lib/params';
import { StorageFullError } from '@/features/gallery/api/gallery';
import { entryFileName } from '@/features/gallery/utils/file-name';

export function SaveFailedAlert({ error, url, entry }: { error: Error; url: string; entry: GalleryEntry }) {
  return (
    <p role="alert" className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-900 dark:bg-amber-950/50 dark:text-amber-200">
      {error instanceof StorageFullError
        ? 'This browser’s storage is full, so the new image was not added to the gallery (earlier images are safe). '
        : `The new image could not be saved to the gallery: ${error.message} `}
      <a className="font-medium underline" href={url} download={entryFileName(entry)}>
        Download it now
      </a>
      , or delete older images to make room.
    </p>
  );
}
