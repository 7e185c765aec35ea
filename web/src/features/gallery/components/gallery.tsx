// The gallery: every stored entry, newest first, with batches and sweeps kept together under a
// label, as a virtualized grid so that hundreds of entries cost only the rows on screen.
import { lazy, Suspense, useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useWindowRows } from '@/lib/use-window-rows';
import type { ImageParams } from '@/lib/params';
import { GalleryUpgradeBlockedError, NO_ENTRIES, useGallery, useGalleryStatus, useGallerySync } from '@/features/gallery/api/gallery';
import { useGalleryViewStore } from '@/features/gallery/stores/gallery-view-store';
import { filterEntries } from '@/features/gallery/utils/filter';
import { depthsOf } from '@/features/gallery/utils/lineage';
import { buildRows } from '@/features/gallery/utils/rows';
import type { EntryEdits } from './entry-actions';
import { GalleryItem } from './gallery-item';
import { GalleryToolbar } from './gallery-toolbar';
import { StorageStatus } from './storage-status';
import { NoticeBar } from './notice-bar';
import { plural } from '@/lib/plural';

// Only plot groups show it: loaded when the first one is on screen.
const PlotGroupActions = lazy(() => import('./plot-group-actions').then((m) => ({ default: m.PlotGroupActions })));

const MIN_CELL = 170;
const GAP = 12;
const CAPTION = 104;
const HEADER = 36;

/** `onOpenPlot` shows a plot's grid again (from its group's header). */
export function Gallery({ onReuse, keepInputs, edits, onOpenPlot }: { onReuse(params: ImageParams): void; keepInputs?(): Promise<string[]>; edits?: EntryEdits; onOpenPlot?(plotId: string): void }) {
  const { data: entries = NO_ENTRIES, isPending, isError, error, isFetching } = useGallery();
  // The first load shows the newest entries while it reads the rest.
  const status = useGalleryStatus().data;
  const stored = isFetching ? status?.loadingTotal : undefined;
  const query = useGalleryViewStore((s) => s.query);
  const favouritesOnly = useGalleryViewStore((s) => s.favouritesOnly);
  useGallerySync();
  const damaged = isPending ? 0 : (status?.damaged ?? 0);
  const listRef = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);

  useLayoutEffect(() => {
    const list = listRef.current;
    if (!list) return;
    const observer = new ResizeObserver(() => setWidth(list.clientWidth));
    observer.observe(list);
    return () => observer.disconnect();
  }, [isPending]);

  const columns = Math.max(2, Math.floor((width + GAP) / (MIN_CELL + GAP)));
  const cell = width ? (width - GAP * (columns - 1)) / columns : MIN_CELL;
  const rowHeight = cell + CAPTION + GAP;
  const shown = useMemo(() => filterEntries(entries, { query, favouritesOnly }), [entries, query, favouritesOnly]);
  const rows = useMemo(() => buildRows(shown, columns), [shown, columns]);
  // Each edit's depth, worked out once per list (each chain walked once): a row only looks its entries up.
  const depths = useMemo(() => depthsOf(entries), [entries]);
  const size = useCallback((i: number) => (rows[i]!.kind === 'header' ? HEADER : rowHeight), [rows, rowHeight]);
  const windowed = useWindowRows({ count: rows.length, size, list: listRef });

  return (
    <section aria-label="Gallery" className="flex flex-col gap-3">
      <div className="flex items-baseline justify-between gap-3">
        <h2 className="text-base font-semibold">Gallery</h2>
        <p className="text-xs text-zinc-500">
          {isPending ? 'Loading…' : stored !== undefined ? `${plural(stored, 'image')}, loading…` : plural(entries.length, 'image')}
          {shown.length !== entries.length && `, ${shown.length.toLocaleString('en')} shown`} · kept in this browser<StorageStatus version={entries.length} />
        </p>
      </div>
      <GalleryToolbar total={stored ?? entries.length} keepInputs={keepInputs} />
      <NoticeBar floating />
      {damaged > 0 && (
        <p role="status" className="text-xs text-amber-800 dark:text-amber-300">
          {damaged === 1 ? 'One stored entry was damaged and is not shown' : `${damaged} stored entries were damaged and are not shown`}; everything else is intact.
        </p>
      )}
      {isError && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {error instanceof GalleryUpgradeBlockedError ? `${error.message} Then reload this page.` : 'The gallery could not be read from this browser’s storage. Reload to try again.'}
        </p>
      )}
      {!isPending && !isError && entries.length === 0 && <p className="text-sm text-zinc-500">Images you generate are kept here, with everything needed to make them again.</p>}
      {entries.length > 0 && shown.length === 0 && <p className="text-sm text-zinc-500">No image matches{query ? ` “${query}”` : ''}{favouritesOnly ? ' among your favourites' : ''}.</p>}
      {/* Rows, not one list: a header is no list item. Each row of images is a list of its own. */}
      <div ref={listRef} role="group" aria-label="Gallery entries" className="relative w-full" style={{ height: windowed.totalSize }}>
        {windowed.rows.map((item) => {
          const row = rows[item.index]!;
          const top = item.start;
          if (row.kind === 'header') {
            return (
              <div key={row.key} className="absolute inset-x-0 flex items-end pb-1.5 text-xs font-semibold text-zinc-600 dark:text-zinc-300" style={{ top, height: HEADER }}>
                <h3>{row.label}</h3>
                <span className="ml-2 font-normal text-zinc-600 dark:text-zinc-400">{plural(row.count, 'image')}</span>
                {row.group.kind === 'plot' && onOpenPlot && (
                  <button type="button" onClick={() => onOpenPlot(row.group.id)} className="ml-3 font-medium text-violet-700 underline-offset-2 hover:underline dark:text-violet-300">
                    Open plot
                  </button>
                )}
                {row.group.kind === 'plot' && (
                  <span className="ml-auto">
                    <Suspense fallback={null}>
                      <PlotGroupActions plotId={row.group.id} entries={entries} />
                    </Suspense>
                  </span>
                )}
              </div>
            );
          }
          return (
            <ul key={row.key} className="absolute inset-x-0" style={{ top, height: rowHeight - GAP }}>
              {row.entries.map((entry, col) => (
                <li key={entry.id} className="absolute inset-y-0" style={{ left: col * (cell + GAP), width: cell }}>
                  <GalleryItem entry={entry} onReuse={onReuse} edits={edits} depth={depths.get(entry.id)} />
                </li>
              ))}
            </ul>
          );
        })}
      </div>
    </section>
  );
}
