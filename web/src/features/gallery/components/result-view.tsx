// The large result area: the image just made (straight from the server, so it paints at once),
// or after a reload the newest one in the gallery. It follows the gallery: the image just made,
// once stored and then deleted, leaves it (the newest one left shows) and comes back with Undo.
import { useState } from 'react';
import type { GalleryEntry } from '@/lib/params';
import { useObjectUrl } from '@/lib/use-object-url';
import { useGallery, useImageBlob } from '@/features/gallery/api/gallery';
import { useViewerStore } from '@/features/gallery/stores/viewer-store';

export interface Latest {
  url: string;
  entry: GalleryEntry;
}

/** `onShown` fires once the just-made image has loaded (or failed to), to save it then. */
export function ResultView({ latest: made, onShown }: { latest: Latest | null; onShown(latest: Latest, shown?: HTMLImageElement): void }) {
  const list = useGallery().data;
  const newest = list?.[0];
  // The image just made is shown before it is stored; once the gallery has held it, it is shown
  // only while the gallery still does.
  const inGallery = !!made && !!list?.some((e) => e.id === made.entry.id);
  const [stored, setStored] = useState<string | null>(null);
  if (made && inGallery && stored !== made.entry.id) setStored(made.entry.id);
  const latest = made && (inGallery || stored !== made.entry.id) ? made : null;
  const storedUrl = useObjectUrl(useImageBlob(latest ? undefined : newest?.id).data);
  const open = useViewerStore((s) => s.open);
  const entry = latest?.entry ?? newest;
  const src = latest?.url ?? storedUrl;
  if (!entry) {
    return (
      <div className="grid aspect-square w-full max-w-[min(100%,75vh)] place-items-center self-center rounded-2xl border-2 border-dashed border-zinc-300 p-8 text-center text-sm text-zinc-500 dark:border-zinc-700">
        Write a prompt and press Generate. Your image appears here.
      </div>
    );
  }
  return (
    <figure className="flex flex-col items-center gap-2">
      <button type="button" onClick={() => open(entry.id)} className="block w-full max-w-[min(100%,75vh)] overflow-hidden rounded-2xl bg-zinc-200 shadow-sm dark:bg-zinc-800" aria-label="Open the latest image in the viewer">
        {src && (
          <img
            src={src}
            alt={`Generated from: ${entry.prompt}`}
            width={entry.width}
            height={entry.height}
            className="h-auto w-full"
            onLoad={(e) => latest && onShown(latest, e.currentTarget)}
            onError={() => latest && onShown(latest)}
          />
        )}
      </button>
      <figcaption className="text-xs tabular-nums text-zinc-500">
        Seed {entry.seed} · {entry.num_inference_steps} steps · {entry.response_format} · {entry.width}×{entry.height} · {(entry.elapsedMs / 1000).toFixed(2)} s
      </figcaption>
    </figure>
  );
}
