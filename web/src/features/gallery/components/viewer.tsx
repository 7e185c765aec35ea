// The full image with its parameters, in a modal <dialog> (focus kept inside, Escape closes);
// arrow keys, Previous and Next, and a swipe step through the gallery as filtered now. Notices
// show inside the dialog, which covers the page's.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { GalleryEntry, ReuseParams } from '@/lib/params';
import { useObjectUrl } from '@/lib/use-object-url';
import { useModalDialog } from '@/lib/use-modal-dialog';
import { entryImage, NO_ENTRIES, useGallery, useImageBlob } from '@/features/gallery/api/gallery';
import { useGalleryViewStore } from '@/features/gallery/stores/gallery-view-store';
import { stepInGrid, useViewerStore } from '@/features/gallery/stores/viewer-store';
import { filterEntries } from '@/features/gallery/utils/filter';
import { chainOf, childrenOf, indexLineage, parentOf } from '@/features/gallery/utils/lineage';
import { EditOrigin } from './edit-origin';
import { EditTree } from './edit-tree';
import { EntryActions, type EntryEdits } from './entry-actions';
import { NoticeBar } from './notice-bar';
import { Layer, ZoomPan } from './zoom-pan';

function Parameters({ entry }: { entry: GalleryEntry }) {
  const rows: [string, string][] = [
    ['Steps', String(entry.num_inference_steps)],
    ['Seed', String(entry.seed)],
    ['Format', entry.response_format],
    ...(entry.styles?.length ? [['Styles', entry.styles.join(', ')] as [string, string]] : []),
    ...(entry.group ? [['Group', entry.group.label] as [string, string]] : []),
    ['Engine', entry.engine === 'local' ? 'local preview engine' : 'FriendliAI'],
    ['Endpoint', entry.endpoint ?? '—'],
    ...(entry.adapter ? [['Adapter', entry.adapter] as [string, string]] : []),
    ['Guidance', entry.guidance_scale === undefined || entry.guidance_scale === null ? 'model default' : String(entry.guidance_scale)],
    ['Size', `${entry.width}×${entry.height}, ${(entry.bytes / 1024).toFixed(0)} KB`],
    ['Took', `${(entry.elapsedMs / 1000).toFixed(2)} s`],
    ['Made', new Date(entry.createdAt).toLocaleString()],
  ];
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
      {rows.map(([k, v]) => (
        <div key={k} className="contents">
          <dt className="text-zinc-600 dark:text-zinc-400">{k}</dt>
          <dd className="tabular-nums break-all">{v}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Re-runs an entry's exact parameters and says whether the new image is byte-identical. */
function ReproduceCheck({ entry, reproduce }: { entry: GalleryEntry; reproduce(entry: GalleryEntry): Promise<Uint8Array> }) {
  const [state, setState] = useState<{ running: boolean; result?: string }>({ running: false });
  const run = async () => {
    setState({ running: true });
    try {
      const [fresh, stored] = await Promise.all([reproduce(entry), entryImage(entry.id).then(async (b) => new Uint8Array(await b!.arrayBuffer()))]);
      let differing = Math.abs(fresh.length - stored.length);
      for (let i = 0; i < Math.min(fresh.length, stored.length); i++) if (fresh[i] !== stored[i]) differing++;
      setState({
        running: false,
        result: differing === 0
          ? `Identical: the new image is byte for byte the stored one (${stored.length.toLocaleString()} bytes).`
          : `Different: ${differing.toLocaleString()} of ${stored.length.toLocaleString()} bytes differ, so this endpoint does not reproduce images exactly from the seed.`,
      });
    } catch (err) {
      setState({ running: false, result: `The check could not run: ${err instanceof Error ? err.message : String(err)}` });
    }
  };
  return (
    <div className="flex flex-col gap-1.5 border-t border-zinc-200 pt-3 dark:border-zinc-800">
      <button type="button" disabled={state.running} onClick={run} className="self-start rounded-md border border-zinc-300 px-2.5 py-1 text-xs font-medium hover:bg-zinc-100 disabled:opacity-50 dark:border-zinc-700 dark:hover:bg-zinc-800">
        {state.running ? 'Checking…' : 'Reproduce check'}
      </button>
      {state.result && <p role="status" className="text-xs">{state.result}</p>}
    </div>
  );
}

const stepButton = 'flex-1 whitespace-nowrap rounded-md border border-zinc-300 px-2.5 py-1 text-sm font-medium hover:bg-zinc-100 disabled:opacity-40 dark:border-zinc-700 dark:hover:bg-zinc-800';

export function Viewer({ onReuse, edits, onReproduce }: { onReuse(params: ReuseParams): void; edits?: EntryEdits; onReproduce(entry: GalleryEntry): Promise<Uint8Array> }) {
  const openId = useViewerStore((s) => s.openId);
  const open = useViewerStore((s) => s.open);
  const close = useViewerStore((s) => s.close);
  const { data: all = NO_ENTRIES, isSuccess } = useGallery();
  const query = useGalleryViewStore((s) => s.query);
  const favouritesOnly = useGalleryViewStore((s) => s.favouritesOnly);
  const filtered = useMemo(() => filterEntries(all, { query, favouritesOnly }), [all, query, favouritesOnly]);
  // The entries the gallery shows now; an image opened from elsewhere (the result area) that the
  // filter hides is stepped through the whole gallery instead.
  const entries = filtered.some((e) => e.id === openId) ? filtered : all;
  const index = entries.findIndex((e) => e.id === openId);
  const entry = index >= 0 ? entries[index] : undefined;
  const image = useObjectUrl(useImageBlob(entry?.id).data);
  // The edit history, read from the whole gallery (a parent may be filtered out), indexed once per list.
  // Only while open: the viewer stays mounted once loaded, and each new image changes the list.
  const shown = openId !== null;
  const lineage = useMemo(() => indexLineage(shown ? all : NO_ENTRIES), [all, shown]);
  const parent = entry && parentOf(lineage, entry);
  const chain = entry ? chainOf(lineage, entry) : [];

  // Where the entry shown was: when it is deleted, the viewer moves on to the one now in its place.
  const last = useRef({ id: null as string | null, index: 0, filtered: true });
  // Recorded after each commit, before the effect below reads it (effects run in order).
  useEffect(() => {
    if (entry) last.current = { id: entry.id, index, filtered: entries === filtered };
  });
  // Shown while there is an entry; an id not shown yet (the image just made, before it is stored)
  // is waited for.
  const dialog = useModalDialog(entry ? true : openId ? undefined : false);
  useEffect(() => {
    // The entry shown was deleted (here or in another tab): show its neighbour, or close for good,
    // so that Undo never reopens the viewer.
    if (entry || !openId || !isSuccess || last.current.id !== openId) return;
    const list = last.current.filtered ? filtered : all;
    const neighbour = list[Math.min(last.current.index, list.length - 1)];
    if (neighbour) open(neighbour.id);
    else close();
  }, [entry, openId, isSuccess, filtered, all, open, close]);

  const step = (delta: number) => {
    const next = entries[index + delta];
    if (next) open(next.id);
  };
  // Opened from a plot's grid: the arrow keys move across it (left/right along X, up/down along Y).
  const grid = useViewerStore((s) => s.grid);
  const move = (key: string) => {
    const [dx, dy] = ({ ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] } as Record<string, [number, number]>)[key] ?? [0, 0];
    if (grid && entry) {
      const next = stepInGrid(grid, entry.id, dx, dy);
      if (next) open(next);
      return dx !== 0 || dy !== 0;
    }
    if (dx) step(dx);
    return false;
  };

  return (
    <dialog
      ref={dialog}
      aria-label="Image viewer"
      onClose={close}
      onKeyDown={(e) => {
        // In a grid, up and down move too (and do not scroll the panel).
        if (move(e.key)) e.preventDefault();
      }}
      className="m-auto h-[min(92dvh,900px)] w-[min(96vw,1400px)] max-w-none overflow-hidden rounded-2xl bg-white p-0 text-zinc-900 shadow-2xl backdrop:bg-black/70 dark:bg-zinc-900 dark:text-zinc-100"
    >
      {entry && (
        <div className="flex h-full flex-col md:flex-row">
          <div className="min-h-0 flex-1 bg-zinc-950">{image && (
              <ZoomPan key={entry.id} onSwipe={step}>
                <Layer src={image} alt={`Full image: ${entry.prompt}`} />
              </ZoomPan>
            )}</div>
          <aside className="flex max-h-[55%] w-full flex-col gap-4 overflow-y-auto p-5 md:max-h-none md:w-80">
            <div className="flex items-center justify-between gap-2">
              <p className="text-xs text-zinc-600 dark:text-zinc-400">
                {index + 1} of {entries.length}
                <span className="hidden md:inline"> · ← → to step</span>
              </p>
              <button type="button" onClick={close} className="rounded-md px-2 py-1 text-sm hover:bg-zinc-100 dark:hover:bg-zinc-800">Close</button>
            </div>
            <div className="flex gap-2">
              <button type="button" onClick={() => step(-1)} disabled={index === 0} className={stepButton} aria-label="Previous image">‹ Prev</button>
              <button type="button" onClick={() => step(1)} disabled={index === entries.length - 1} className={stepButton} aria-label="Next image">Next ›</button>
            </div>
            <NoticeBar />
            <div className="flex flex-col gap-1">
              {/* An edit's prompt is its instruction; the image it started from has its own. */}
              {entry.source && <h3 className="text-xs font-semibold text-zinc-600 dark:text-zinc-400">Instruction</h3>}
              <p className="whitespace-pre-wrap text-sm leading-relaxed">{entry.prompt}</p>
            </div>
            {entry.source && <EditOrigin entry={entry} source={entry.source} parent={parent} depth={chain.filter((e) => e.source).length} />}
            <Parameters entry={entry} />
            <EntryActions
              entry={entry}
              onReuse={(p) => { onReuse(p); close(); }}
              // Edit moves to the form: the viewer gets out of the way.
              edits={edits && { ...edits, onEdit: (e) => { edits.onEdit(e); close(); } }}
            />
            <EditTree entry={entry} chain={chain} edits={childrenOf(lineage, entry.id)} parent={parent} siblings={parent ? childrenOf(lineage, parent.id).filter((e) => e.id !== entry.id) : []} />
            {/* Keyed by entry: another image starts afresh, and a check still running for the last one cannot report here. */}
            <ReproduceCheck key={entry.id} entry={entry} reproduce={onReproduce} />
          </aside>
        </div>
      )}
    </dialog>
  );
}
