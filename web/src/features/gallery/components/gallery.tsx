// The gallery: every stored entry, newest first, as a virtualized grid, so hundreds of entries
// cost only the rows on screen.
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useLayoutEffect, useRef, useState } from 'react';
import type { ImageParams } from '../../../lib/params';
import { useGallery } from '../api/gallery';
import { useNoticeStore } from '../stores/notice-store';
import { GalleryItem } from './gallery-item';

const MIN_CELL = 170;
const GAP = 12;
const CAPTION = 104;

export function Gallery({ onReuse }: { onReuse(params: ImageParams): void }) {
  const { data: entries = [], isPending, isError } = useGallery();
  const notice = useNoticeStore();
  const listRef = useRef<HTMLUListElement>(null);
  const [width, setWidth] = useState(0);
  const [offset, setOffset] = useState(0);

  useLayoutEffect(() => {
    const list = listRef.current;
    if (!list) return;
    const observer = new ResizeObserver(() => {
      setWidth(list.clientWidth);
      setOffset(list.getBoundingClientRect().top + window.scrollY);
    });
    observer.observe(list);
    return () => observer.disconnect();
  }, [isPending]);

  const columns = Math.max(2, Math.floor((width + GAP) / (MIN_CELL + GAP)));
  const cell = width ? (width - GAP * (columns - 1)) / columns : MIN_CELL;
  const rowHeight = cell + CAPTION + GAP;
  const rows = Math.ceil(entries.length / columns);
  const virtualizer = useWindowVirtualizer({ count: rows, estimateSize: () => rowHeight, overscan: 2, scrollMargin: offset });
  useLayoutEffect(() => virtualizer.measure(), [rowHeight, virtualizer]);

  return (
    <section aria-label="Gallery" className="flex flex-col gap-3">
      <div className="flex items-baseline justify-between">
        <h2 className="text-base font-semibold">Gallery</h2>
        <p className="text-xs text-zinc-500">{entries.length === 1 ? '1 image' : `${entries.length} images`} · kept in this browser</p>
      </div>
      <p role={notice.kind} className="min-h-5 text-xs text-violet-700 dark:text-violet-300">{notice.message}</p>
      {isError && <p role="alert" className="text-sm text-red-700">The gallery could not be read from this browser’s storage. Reload to try again.</p>}
      {!isPending && entries.length === 0 && <p className="text-sm text-zinc-500">Images you generate are kept here, with everything needed to make them again.</p>}
      <ul ref={listRef} aria-label="Gallery entries" className="relative w-full" style={{ height: rows * rowHeight }}>
        {virtualizer.getVirtualItems().flatMap((row) =>
          entries.slice(row.index * columns, row.index * columns + columns).map((entry, col) => (
            <li
              key={entry.id}
              className="absolute"
              style={{ top: row.start - offset, left: col * (cell + GAP), width: cell, height: rowHeight - GAP }}
            >
              <GalleryItem entry={entry} onReuse={onReuse} />
            </li>
          )),
        )}
      </ul>
    </section>
  );
}
