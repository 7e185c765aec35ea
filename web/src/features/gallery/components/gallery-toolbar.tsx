// Find and keep: search, favourites, compare the selection, export/import, clear all.
import { useRef, useState } from 'react';
import { plural } from '@/lib/plural';
import { useClearGallery } from '@/features/gallery/api/clear-gallery';
import { useExportGallery } from '@/features/gallery/api/export-gallery';
import { useImportGallery } from '@/features/gallery/api/import-gallery';
import { MAX_COMPARE, useGalleryViewStore } from '@/features/gallery/stores/gallery-view-store';
import { useNoticeStore } from '@/features/gallery/stores/notice-store';
import { HiddenFileInput } from '@/components/ui/hidden-file-input';

const tool = 'rounded-md border border-zinc-300 px-2.5 py-1 text-xs font-medium hover:bg-zinc-100 disabled:opacity-40 focus-visible:outline-2 focus-visible:outline-violet-500 dark:border-zinc-700 dark:hover:bg-zinc-800';

/** `keepInputs` names the input images still held outside the gallery, which Clear all keeps. */
export function GalleryToolbar({ total, keepInputs }: { total: number; keepInputs?(): Promise<string[]> }) {
  const query = useGalleryViewStore((s) => s.query);
  const setQuery = useGalleryViewStore((s) => s.setQuery);
  const setFavouritesOnly = useGalleryViewStore((s) => s.setFavouritesOnly);
  const clearSelection = useGalleryViewStore((s) => s.clearSelection);
  const setComparing = useGalleryViewStore((s) => s.setComparing);
  const favouritesOnly = useGalleryViewStore((s) => s.favouritesOnly);
  const selected = useGalleryViewStore((s) => s.selected);
  const notify = useNoticeStore((s) => s.show);
  // "Importing 12 of 40…", shown only for work that has taken over a second.
  const [progress, setProgress] = useState('');
  const tracker = (verb: string) => {
    const started = performance.now();
    return (done: number, total: number) => performance.now() - started > 1000 && setProgress(`${verb} ${done + 1} of ${total}…`);
  };
  const importing = useImportGallery();
  const exporting = useExportGallery();
  const exportZip = () =>
    exporting.mutate({ ids: selected, onProgress: tracker('Exporting') }, {
      onSuccess: (count) => notify(`Exported ${plural(count, 'image')}`),
      onError: (err) => notify(`Could not export: ${err.message}`, 'alert'),
      onSettled: () => setProgress(''),
    });
  const clear = useClearGallery();
  const confirm = useRef<HTMLDialogElement>(null);
  const n = selected.length;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <input
        type="search"
        aria-label="Search prompts"
        placeholder="Search prompts"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        className="min-w-40 flex-1 rounded-md border border-zinc-300 bg-white px-2.5 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-950"
      />
      <label className="flex items-center gap-1.5 text-xs">
        <input type="checkbox" checked={favouritesOnly} onChange={(e) => setFavouritesOnly(e.target.checked)} className="accent-violet-600" />
        Favourites only
      </label>
      <button type="button" className={tool} disabled={n < 2 || n > MAX_COMPARE} onClick={() => setComparing(true)} title="Select 2 to 4 images to compare">
        Compare{n ? ` (${n})` : ''}
      </button>
      {n > 0 && <button type="button" className={tool} onClick={clearSelection}>Clear selection</button>}
      <button type="button" className={tool} disabled={total === 0} onClick={exportZip}>
        {n ? 'Export selection' : 'Export all'}
      </button>
      <label className={`${tool} cursor-pointer has-focus-visible:outline-2`}>
        Import zip
        <HiddenFileInput
          accept=".zip,application/zip"
          onFile={(file) => {
            importing.mutate({ file, onProgress: tracker('Importing') }, {
              // The wording loads with the result (the first paint's JavaScript stays small).
              onSuccess: async (result) => {
                const { importHadTrouble, importSummary } = await import('@/features/gallery/utils/import-summary');
                notify(importSummary(result), importHadTrouble(result) ? 'alert' : 'status');
              },
              onError: (err) => notify(`Could not import “${file.name}”: ${err.message}`, 'alert'),
              onSettled: () => setProgress(''),
            });
          }}
        />
      </label>
      {progress && <p role="status" aria-label="Progress" className="text-xs tabular-nums text-zinc-600 dark:text-zinc-400">{progress}</p>}
      <button type="button" className={`${tool} text-red-700 dark:text-red-400`} disabled={total === 0} onClick={() => confirm.current?.showModal()}>
        Clear all
      </button>
      <dialog ref={confirm} aria-label="Clear the gallery" className="m-auto max-w-sm rounded-xl bg-white p-5 text-zinc-900 shadow-xl backdrop:bg-black/50 dark:bg-zinc-900 dark:text-zinc-100">
        <p className="text-sm">Delete {total === 1 ? 'the 1 image' : `all ${plural(total, 'image')}`} from this browser? This cannot be undone; export them first to keep a copy.</p>
        <form method="dialog" className="mt-4 flex justify-end gap-2">
          <button value="cancel" className={tool} autoFocus>Keep them</button>
          <button value="clear" className="rounded-md bg-red-600 px-2.5 py-1 text-xs font-medium text-white" onClick={() => clear.mutate(keepInputs, { onSuccess: () => notify('Gallery cleared') })}>
            Delete all
          </button>
        </form>
      </dialog>
    </div>
  );
}
