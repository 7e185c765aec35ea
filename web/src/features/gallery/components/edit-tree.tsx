// The viewer's map of an image's edits: the chain from the first image to this one (each step opens
// it; this one marked), this image's own edits, and the other edits of its parent (branches made by
// editing the same image twice), so that the whole tree can be walked from the viewer.
import type { GalleryEntry } from '@/lib/params';
import { useViewerStore } from '@/features/gallery/stores/viewer-store';
import { EntryThumb } from './entry-thumb';

const quote = (prompt: string) => `“${prompt.length > 40 ? `${prompt.slice(0, 37)}…` : prompt}”`;
const heading = 'text-xs font-semibold text-zinc-600 dark:text-zinc-400';
const item = 'flex w-full items-center gap-2 rounded-md p-1 text-left text-xs hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-violet-500 dark:hover:bg-zinc-800';

function EntryList({ label, entries }: { label: string; entries: readonly GalleryEntry[] }) {
  const open = useViewerStore((s) => s.open);
  return (
    <div className="flex flex-col gap-1">
      <h3 className={heading}>{label}</h3>
      <ul aria-label={label} className="flex flex-col">
        {entries.map((e) => (
          <li key={e.id}>
            <button type="button" onClick={() => open(e.id)} className={item}>
              <EntryThumb id={e.id} className="size-8" />
              <span className="line-clamp-2">{e.prompt}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function EditTree({ entry, chain, edits, parent, siblings }: { entry: GalleryEntry; chain: readonly GalleryEntry[]; edits: readonly GalleryEntry[]; parent?: GalleryEntry; siblings: readonly GalleryEntry[] }) {
  const open = useViewerStore((s) => s.open);
  // A chain that starts at an edit began with an image outside the gallery.
  const outside = chain[0]?.source;
  if (chain.length < 2 && edits.length === 0 && siblings.length === 0) return null;
  return (
    <div className="flex flex-col gap-3 border-t border-zinc-200 pt-3 dark:border-zinc-800">
      {chain.length > 1 && (
        <nav aria-label="Chain of edits" className="flex flex-col gap-1">
          <h3 className={heading}>From the first image to this one</h3>
          <ol className="flex flex-col">
            {outside && <li className="p-1 text-xs text-zinc-500 italic">{outside.entryId ? 'An image no longer in the gallery' : 'A file'}</li>}
            {chain.map((e, i) => (
              <li key={e.id}>
                <button type="button" onClick={() => open(e.id)} aria-current={e.id === entry.id ? 'step' : undefined} className={`${item} aria-[current=step]:bg-violet-100 aria-[current=step]:font-semibold dark:aria-[current=step]:bg-violet-900/40`}>
                  <span className="w-4 shrink-0 text-right tabular-nums text-zinc-500">{i + 1}</span>
                  <EntryThumb id={e.id} className="size-8" />
                  <span className="line-clamp-2">{e.prompt}</span>
                </button>
              </li>
            ))}
          </ol>
        </nav>
      )}
      {edits.length > 0 && <EntryList label="Edits of this image" entries={edits} />}
      {parent && siblings.length > 0 && <EntryList label={`Other edits of ${quote(parent.prompt)}`} entries={siblings} />}
    </div>
  );
}
