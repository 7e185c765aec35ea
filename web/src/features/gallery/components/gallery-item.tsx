import type { GalleryEntry, ImageParams } from '../../../lib/params';
import { useObjectUrl } from '../../../lib/use-object-url';
import { useThumb } from '../api/gallery';
import { useViewerStore } from '../stores/viewer-store';
import { EntryActions } from './entry-actions';

export function GalleryItem({ entry, onReuse }: { entry: GalleryEntry; onReuse(params: ImageParams): void }) {
  const thumb = useObjectUrl(useThumb(entry.id).data);
  const open = useViewerStore((s) => s.open);
  return (
    <article className="flex h-full flex-col overflow-hidden rounded-xl border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <button type="button" onClick={() => open(entry.id)} aria-label={`Open: ${entry.prompt}`} className="block aspect-square w-full bg-zinc-100 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-violet-500 dark:bg-zinc-800">
        {thumb && <img src={thumb} alt="" className="size-full object-cover" draggable={false} />}
      </button>
      <div className="flex flex-1 flex-col gap-1 p-2">
        <p className="line-clamp-2 text-xs leading-snug text-zinc-800 dark:text-zinc-200" title={entry.prompt}>{entry.prompt}</p>
        <p className="text-xs tabular-nums text-zinc-500">Seed {entry.seed} · {entry.steps} steps</p>
        <div className="mt-auto"><EntryActions entry={entry} onReuse={onReuse} compact /></div>
      </div>
    </article>
  );
}
