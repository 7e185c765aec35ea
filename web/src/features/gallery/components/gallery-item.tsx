import type { GalleryEntry, ReuseParams } from '@/lib/params';
import { useObjectUrl } from '@/lib/use-object-url';
import { useToggleStar } from '@/features/gallery/api/toggle-star';
import { useThumb } from '@/features/gallery/api/gallery';
import { useGalleryViewStore } from '@/features/gallery/stores/gallery-view-store';
import { useViewerStore } from '@/features/gallery/stores/viewer-store';
import { EditButtons } from './edit-buttons';
import { EntryActions, type EntryEdits } from './entry-actions';

/** `depth`: how many edits deep the entry is (absent: it is no edit). */
export function GalleryItem({ entry, onReuse, edits, depth }: { entry: GalleryEntry; onReuse(params: ReuseParams): void; edits?: EntryEdits; depth?: number }) {
  const thumb = useObjectUrl(useThumb(entry.id).data);
  const open = useViewerStore((s) => s.open);
  const star = useToggleStar();
  const selected = useGalleryViewStore((s) => s.selected.includes(entry.id));
  const toggleSelected = useGalleryViewStore((s) => s.toggleSelected);
  return (
    <article className={`relative flex h-full flex-col overflow-hidden rounded-xl border bg-white dark:bg-zinc-900 ${selected ? 'border-violet-600 ring-2 ring-violet-600/40' : 'border-zinc-200 dark:border-zinc-800'}`}>
      <div className="relative">
        <button type="button" onClick={() => open(entry.id)} aria-label={`Open: ${entry.prompt}`} className="block aspect-square w-full bg-zinc-100 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-violet-500 dark:bg-zinc-800">
          {thumb && <img src={thumb} alt="" className="size-full object-cover" draggable={false} />}
        </button>
        {/* Which entries are edits, and how deep, at a glance (an accessible text, not only an icon). */}
        {depth !== undefined && (
          <p className="pointer-events-none absolute bottom-2 left-2 flex max-w-[calc(100%-5.5rem)] items-center gap-1 rounded-md bg-black/60 px-1.5 py-0.5 text-[11px] leading-tight font-medium text-white backdrop-blur-sm">
            <svg viewBox="0 0 24 24" className="size-3" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" aria-hidden>
              <path d="M4 20h4L18.5 9.5a2.1 2.1 0 00-3-3L5 17v3z" />
            </svg>
            Edit · {depth} deep
          </p>
        )}
        {edits && <EditButtons entry={entry} onEdit={edits.onEdit} onControl={edits.onControl} />}
      </div>
      <label className="absolute top-2 left-2 flex size-7 cursor-pointer items-center justify-center rounded-md bg-black/45 backdrop-blur-sm">
        <input type="checkbox" aria-label={`Select: ${entry.prompt}`} checked={selected} onChange={() => toggleSelected(entry.id)} className="size-4 accent-violet-600" />
      </label>
      <button
        type="button"
        aria-pressed={!!entry.starred}
        aria-label={entry.starred ? 'Unstar' : 'Star'}
        onClick={() => star.mutate(entry)}
        className={`absolute top-2 right-2 flex size-7 items-center justify-center rounded-md bg-black/45 text-base backdrop-blur-sm ${entry.starred ? 'text-amber-400' : 'text-white/80 hover:text-amber-300'}`}
      >
        {entry.starred ? '★' : '☆'}
      </button>
      <div className="flex flex-1 flex-col gap-1 p-2">
        <p className="line-clamp-2 text-xs leading-snug text-zinc-800 dark:text-zinc-200" title={entry.prompt}>{entry.prompt}</p>
        <p className="text-xs tabular-nums text-zinc-500">
          Seed {entry.seed} · {entry.num_inference_steps} steps
          {/* What a guidance sweep varies, and what an adapter changes, in the caption too. */}
          {typeof entry.guidance_scale === 'number' && ` · guidance ${entry.guidance_scale}`}
          {entry.adapter && ` · ${entry.adapter}`}
        </p>
        <div className="mt-auto"><EntryActions entry={entry} onReuse={onReuse} compact /></div>
      </div>
    </article>
  );
}
