// Where an edit came from, at the top of the viewer: how many edits deep it is, Edited from (opens
// the parent) with the parent's own prompt, and Compare with parent; or, when the parent is not in
// the gallery (deleted, or the source was a file), says so and shows the source from the input store.
import { useId } from 'react';
import type { GalleryEntry, InputRef } from '@/lib/params';
import { useObjectUrl } from '@/lib/use-object-url';
import { useInputImage } from '@/features/gallery/api/input-image';
import { useGalleryViewStore } from '@/features/gallery/stores/gallery-view-store';
import { useViewerStore } from '@/features/gallery/stores/viewer-store';
import { EntryThumb } from './entry-thumb';

export const historyButton = 'rounded-md border border-zinc-300 px-2.5 py-1 text-xs font-medium hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-violet-500 dark:border-zinc-700 dark:hover:bg-zinc-800';

export const editsDeep = (depth: number) => (depth === 1 ? '1 edit deep' : `${depth} edits deep`);

function MissingParent({ source }: { source: InputRef }) {
  const { isSuccess, data } = useInputImage(source.hash);
  const url = useObjectUrl(data);
  return (
    <div className="flex items-start gap-3">
      <span className="block size-14 shrink-0 overflow-hidden rounded bg-zinc-200 dark:bg-zinc-800">
        {url && <img src={url} alt="Source image" className="size-full object-cover" draggable={false} />}
      </span>
      <p className="text-xs text-zinc-600 dark:text-zinc-400">
        {source.entryId ? 'Edited from an image that is not in the gallery' : 'Edited from a file'}
        {` (${source.width}×${source.height}).`}
        {isSuccess && !data && ' Its bytes are not in this browser either.'}
      </p>
    </div>
  );
}

export function EditOrigin({ entry, source, parent, depth }: { entry: GalleryEntry; source: InputRef; parent: GalleryEntry | undefined; depth: number }) {
  const open = useViewerStore((s) => s.open);
  const close = useViewerStore((s) => s.close);
  const compare = useGalleryViewStore((s) => s.compare);
  const promptId = useId();
  return (
    <section aria-label="Edited from" className="flex flex-col gap-2 rounded-lg bg-zinc-100 p-3 dark:bg-zinc-800/60">
      <p className="text-xs font-semibold text-violet-700 dark:text-violet-300">{editsDeep(depth)}</p>
      {parent ? (
        <>
          <div className="flex items-start gap-3">
            <button type="button" onClick={() => open(parent.id)} aria-describedby={promptId} className={`flex shrink-0 items-center gap-2 ${historyButton}`}>
              <EntryThumb id={parent.id} className="size-10" />
              Edited from
            </button>
            <p id={promptId} className="line-clamp-3 text-xs text-zinc-700 dark:text-zinc-300" title={parent.prompt}>{parent.prompt}</p>
          </div>
          <button
            type="button"
            className={`self-start ${historyButton}`}
            // The parent is the reference: what the edit changed is what is highlighted.
            onClick={() => (compare([parent.id, entry.id]), close())}
          >
            Compare with parent
          </button>
        </>
      ) : (
        <MissingParent source={source} />
      )}
    </section>
  );
}
