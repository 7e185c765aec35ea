// The newest result and its storing: a job's first image is shown at once and stored after its first
// paint (storing it, a second decode for the thumbnail and IndexedDB writes, would compete with
// showing it); the others are stored at once. The job is done only once every image is stored.
import { useEffect, useRef, useState } from 'react';
import type { GalleryEntry } from '@/lib/params';
import { useAddEntry } from '@/features/gallery/api/add-entry';
import type { Latest } from '@/features/gallery/components/result-view';

/** How long the newest result may wait for its first paint before it is stored anyway. */
const PAINT_WAIT_MS = 5000;

export function useLatestResult() {
  const addEntry = useAddEntry();
  const [latest, setLatest] = useState<Latest | null>(null);
  // Results waiting to be stored, by entry id; their job finishes when the promise settles.
  const pending = useRef(new Map<string, { image: Blob; stored: PromiseWithResolvers<void> }>());
  const shown = useRef<Latest | null>(null);
  /** Stores a waiting result (once, whoever calls first: its paint, the timer, or a newer result). */
  const save = (next: Latest, img?: HTMLImageElement) => {
    const waiting = pending.current.get(next.entry.id);
    if (!waiting) return;
    pending.current.delete(next.entry.id);
    addEntry.mutateAsync({ entry: next.entry, image: waiting.image, shown: img }).then(() => waiting.stored.resolve(), waiting.stored.reject);
  };
  const store = (entry: GalleryEntry, image: Blob, show: boolean) => {
    const stored = Promise.withResolvers<void>();
    pending.current.set(entry.id, { image, stored });
    if (!show) {
      save({ entry, url: '' });
      return stored.promise;
    }
    // One that a newer result replaces before it painted is stored at once.
    if (shown.current) save(shown.current);
    const next = { url: URL.createObjectURL(image), entry };
    shown.current = next;
    setLatest(next);
    setTimeout(() => save(next), PAINT_WAIT_MS);
    return stored.promise;
  };
  // The result's object URL lives while it is the latest (its Download link uses it, offline too).
  useEffect(() => (latest ? () => URL.revokeObjectURL(latest.url) : undefined), [latest]);

  return {
    latest,
    /** Why the newest image could not be stored, if it could not. */
    saveError: addEntry.isError ? addEntry.error : null,
    /**
     * Stores a job's entries (bytes in the same order); resolves once all are stored. `show`: the
     * first is shown as the latest result and stored after its paint (a plot's cells are not: its
     * grid shows them, from the gallery, once stored).
     */
    deliver: (entries: GalleryEntry[], images: Blob[], show = true) => Promise.all(entries.map((entry, i) => store(entry, images[i]!, show && i === 0))).then(() => undefined),
    /** ResultView calls it once the image shown has painted (or failed to). */
    onShown: save,
  };
}
