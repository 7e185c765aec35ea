// Compare 2 to 4 entries side by side at the same scale, with what differs highlighted. For two:
// a slider, a fade, and a difference view showing only the pixels that changed. Zoom and pan move
// every image together. Compare opens at fit: each image whole on screen, the view buttons above.
import { useEffect, useMemo, useState } from 'react';
import type { GalleryEntry } from '@/lib/params';
import { useObjectUrl } from '@/lib/use-object-url';
import { NO_ENTRIES, useGallery, useImageBlob } from '@/features/gallery/api/gallery';
import { useGalleryViewStore } from '@/features/gallery/stores/gallery-view-store';
import { useModalDialog } from '@/lib/use-modal-dialog';
import { differenceImage } from '@/features/gallery/utils/difference-image';
import { Params } from './compare-params';
import { ViewRadios, type CompareView } from './compare-view-radios';
import { FIT, Layer, ZoomPan, type View } from './zoom-pan';

function useImageUrl(entry: GalleryEntry | undefined) {
  return useObjectUrl(useImageBlob(entry?.id).data);
}

type Difference = { url: string; changed: number } | { error: string };

function Pane({ entry, view, onView }: { entry: GalleryEntry; view: View; onView(v: View): void }) {
  const url = useImageUrl(entry);
  return (
    <div className="mx-auto aspect-square w-full max-w-[max(12rem,calc(94dvh-10rem))] overflow-hidden rounded-lg bg-zinc-950">
      {url && (
        <ZoomPan view={view} onViewChange={onView}>
          <Layer src={url} alt={`Compared: ${entry.prompt}`} />
        </ZoomPan>
      )}
    </div>
  );
}

export function Compare() {
  const selected = useGalleryViewStore((s) => s.selected);
  const comparing = useGalleryViewStore((s) => s.comparing);
  const setComparing = useGalleryViewStore((s) => s.setComparing);
  const { data: all = NO_ENTRIES } = useGallery();
  // Built while Compare is open only: it stays mounted once loaded, and the list may be 100,000 long.
  const byId = useMemo(() => new Map(comparing ? all.map((e) => [e.id, e]) : []), [all, comparing]);
  const entries = selected.map((id) => byId.get(id)).filter((e): e is GalleryEntry => !!e);
  const describe = (id: string) => {
    const parent = byId.get(id);
    return parent ? `“${parent.prompt}”` : 'not in the gallery';
  };
  const [mode, setMode] = useState<CompareView>('side');
  const [view, setView] = useState<View>(FIT);
  const [split, setSplit] = useState(50);
  const [a, b] = [useImageUrl(entries[0]), useImageUrl(entries[1])];
  const [blobA, blobB] = [useImageBlob(entries[0]?.id).data, useImageBlob(entries[1]?.id).data];
  const [diff, setDiff] = useState<Difference | null>(null);

  const dialog = useModalDialog(comparing, () => {
    // Every compare starts side by side, at fit: a zoom left from the last one would mislead.
    setView(FIT);
    setMode('side');
  });
  useEffect(() => {
    if (mode !== 'difference' || !blobA || !blobB) return;
    let url: string | undefined;
    differenceImage(blobA, blobB).then(
      (d) => {
        url = d.url;
        setDiff(d);
      },
      (err: unknown) => setDiff({ error: err instanceof Error ? err.message : String(err) }),
    );
    return () => {
      if (url) URL.revokeObjectURL(url);
      setDiff(null);
    };
  }, [mode, blobA, blobB]);

  // An edit compared with its parent (Compare with parent, or both picked): each pane says which it is.
  const role = (entry: GalleryEntry) => {
    const isParent = entries.some((o) => o.source?.entryId === entry.id);
    const isEdit = entries.some((o) => entry.source?.entryId === o.id);
    return isParent && isEdit ? 'Edit, and parent' : isParent ? 'Parent' : isEdit ? 'Edit' : null;
  };
  const labelled = entries.some((e) => role(e) !== null);
  const two = entries.length === 2;
  const shown = two ? mode : 'side';
  return (
    <dialog ref={dialog} aria-label="Compare" onClose={() => setComparing(false)} className="m-auto max-h-[94vh] w-[min(96vw,1500px)] max-w-none overflow-y-auto rounded-2xl bg-white p-5 text-zinc-900 shadow-2xl backdrop:bg-black/70 dark:bg-zinc-900 dark:text-zinc-100">
      {comparing && entries.length >= 2 && (
        <div className="flex flex-col gap-4">
          {/* The view buttons and Close stay on screen however far the dialog scrolls. */}
          <div className="sticky -top-5 z-10 -mx-5 -mt-5 flex flex-wrap items-center justify-between gap-3 bg-white px-5 py-3 dark:bg-zinc-900">
            <h2 className="font-semibold">Compare {entries.length} images</h2>
            {two && <ViewRadios mode={mode} onChange={setMode} />}
            <button type="button" onClick={() => setComparing(false)} className="rounded-md px-2 py-1 text-sm hover:bg-zinc-100 dark:hover:bg-zinc-800">Close</button>
          </div>
          {shown === 'side' ? (
            <div className="grid gap-4" style={{ gridTemplateColumns: `repeat(${entries.length}, minmax(0, 1fr))` }}>
              {entries.map((entry) => (
                <div key={entry.id} className="flex flex-col gap-2">
                  {/* A pane with no role keeps the line, so the images stay level. */}
                  {labelled && <p className="text-xs font-semibold tracking-wide text-violet-700 uppercase dark:text-violet-300">{role(entry) ?? '\u00a0'}</p>}
                  <Pane entry={entry} view={view} onView={setView} />
                  <Params entry={entry} reference={entries[0]!} describe={describe} />
                </div>
              ))}
            </div>
          ) : (
            <div className="grid gap-4 md:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
              <div className="flex flex-col gap-2">
                <div className="mx-auto aspect-square w-full max-w-[max(12rem,calc(94dvh-10rem))] overflow-hidden rounded-lg bg-zinc-950">
                  {a && b && (
                    <ZoomPan view={view} onViewChange={setView}>
                      {shown === 'difference' ? (
                        diff && 'url' in diff && <Layer src={diff.url} alt="Difference between the two images" />
                      ) : (
                        <>
                          <Layer src={a} alt={`Compared: ${entries[0]!.prompt}`} />
                          <Layer src={b} alt={`Compared: ${entries[1]!.prompt}`} style={shown === 'slider' ? { clipPath: `inset(0 0 0 ${split}%)` } : { opacity: split / 100 }} />
                          {shown === 'slider' && <div className="pointer-events-none absolute inset-y-0 w-0.5 bg-white/90" style={{ left: `${split}%` }} />}
                        </>
                      )}
                    </ZoomPan>
                  )}
                </div>
                {shown === 'difference' ? (
                  <p role="status" className="text-xs text-zinc-600 dark:text-zinc-400">
                    {!diff ? 'Computing the difference…' : 'error' in diff ? `The difference could not be computed: ${diff.error}` : `${(diff.changed * 100).toFixed(1)}% of pixels differ; unchanged pixels are black.`}
                  </p>
                ) : (
                  <label className="flex items-center gap-3 text-xs">
                    {shown === 'slider' ? 'Divider' : 'Fade'}
                    <input type="range" min={0} max={100} value={split} onChange={(e) => setSplit(Number(e.target.value))} className="flex-1 accent-violet-600" />
                  </label>
                )}
              </div>
              <div className="flex flex-col gap-4">
                {entries.map((entry, i) => (
                  <div key={entry.id}>
                    <p className="mb-1 text-xs font-semibold">{i === 0 ? 'A (left, below)' : 'B (right, above)'}{role(entry) && ` · ${role(entry)!.toLowerCase()}`}</p>
                    <Params entry={entry} reference={entries[0]!} describe={describe} />
                  </div>
                ))}
              </div>
            </div>
          )}
        </div>
      )}
    </dialog>
  );
}
