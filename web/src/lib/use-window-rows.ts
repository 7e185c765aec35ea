// Windowing for a list laid out in the page's own scroll, whose row heights are all known up front
// (the gallery's headers and rows of images): which rows cross the window, and where each starts.
// Written here rather than taken from @tanstack/react-virtual: with every size known there is
// nothing to measure, and the library cost 6 KB gzipped of the first paint's 100 KB budget.
import { useEffect, useMemo, useState, type RefObject } from 'react';

export interface WindowRow {
  index: number;
  /** Offset from the top of the list, in pixels. */
  start: number;
}

interface Options {
  count: number;
  /** Height of row i; give a stable function (useCallback), it is read once per change. */
  size: (index: number) => number;
  /** The list's element: where it is on the page is read afresh at each scroll and layout change. */
  list: RefObject<HTMLElement | null>;
  /** Rows kept rendered beyond each edge of the window. */
  overscan?: number;
}

/** The first row whose bottom is below `y` (binary search over the rows' start offsets). */
export function rowAt(starts: Float64Array, count: number, y: number): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid + 1]! <= y) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** "first:last" (last exclusive): the rows crossing the window, with `overscan` more at each edge. */
function windowRange(starts: Float64Array, count: number, list: HTMLElement | null, overscan: number): string {
  // The window's top, measured from the list's top: content above the list may have changed height.
  const top = list ? -list.getBoundingClientRect().top : 0;
  const first = Math.max(0, rowAt(starts, count, top) - overscan);
  const last = Math.min(count, rowAt(starts, count, top + window.innerHeight) + 1 + overscan);
  return `${first}:${last}`;
}

export function useWindowRows({ count, size, list, overscan = 2 }: Options) {
  const starts = useMemo(() => {
    const out = new Float64Array(count + 1);
    for (let i = 0; i < count; i++) out[i + 1] = out[i]! + size(i);
    return out;
  }, [count, size]);

  // Scrolling re-renders only when the set of rows in the window changes (the state is a string).
  const [shown, setShown] = useState(() => windowRange(starts, count, null, overscan));
  useEffect(() => {
    const update = () => setShown(windowRange(starts, count, list.current, overscan));
    update();
    window.addEventListener('scroll', update, { passive: true });
    window.addEventListener('resize', update);
    // Content above the list growing or shrinking (a new result, an alert) moves the list without
    // a scroll: the page's own size changes then.
    const layout = new ResizeObserver(update);
    layout.observe(document.body);
    return () => {
      window.removeEventListener('scroll', update);
      window.removeEventListener('resize', update);
      layout.disconnect();
    };
  }, [starts, count, list, overscan]);

  const [first, last] = shown.split(':').map(Number) as [number, number];
  const rows: WindowRow[] = [];
  for (let i = first; i < Math.min(last, count); i++) rows.push({ index: i, start: starts[i]! });
  return { rows, totalSize: starts[count]! };
}
