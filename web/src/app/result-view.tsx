// The large result area: the image just made (straight from the server, so it paints at once),
// or after a reload the newest one in the gallery.
import type { GalleryEntry } from '../lib/params';
import { useObjectUrl } from '../lib/use-object-url';
import { useGallery, useImageBlob } from '../features/gallery/api/gallery';
import { useViewerStore } from '../features/gallery/stores/viewer-store';

export interface Latest {
  url: string;
  entry: GalleryEntry;
}

/** `onShown` fires once the just-made image has loaded (or failed to), to save it then. */
export function ResultView({ latest, onShown }: { latest: Latest | null; onShown(latest: Latest, shown?: HTMLImageElement): void }) {
  const newest = useGallery().data?.[0];
  const stored = useObjectUrl(useImageBlob(latest ? undefined : newest?.id).data);
  const open = useViewerStore((s) => s.open);
  const entry = latest?.entry ?? newest;
  const src = latest?.url ?? stored;
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
        Seed {entry.seed} · {entry.steps} steps · {entry.format} · {entry.width}×{entry.height} · {(entry.elapsedMs / 1000).toFixed(2)} s
      </figcaption>
    </figure>
  );
}
