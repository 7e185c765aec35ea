// Windowing for a list laid out in the page's own scroll, whose row heights are all known up front
// (the gallery's headers and rows of images): which rows cross the window, and where each starts.
// Written here rather than taken from @tanstack/react-virtual: with every size known there is
// nothing to measure, and the library cost 6 KB gzipped of the first paint's 100 KB budget.
import { useEffect, useMemo, useState } from 'react';

export interface WindowRow {
  index: number;
  /** Offset from the top of the list, in pixels. */
  start: number;
}

interface Options {
  count: number;
  /** Height of row i; give a stable function (useCallback), it is read once per change. */
  size: (index: number) => number;
  /** The list's top, in page coordinates. */
  scrollMargin: number;
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
function windowRange(starts: Float64Array, count: number, scrollMargin: number, overscan: number): string {
  const top = window.scrollY - scrollMargin;
  const first = Math.max(0, rowAt(starts, count, top) - overscan);
  const last = Math.min(count, rowAt(starts, count, top + window.innerHeight) + 1 + overscan);
  return `${first}:${last}`;
}

export function useWindowRows({ count, size, scrollMargin, overscan = 2 }: Options) {
  const starts = useMemo(() => {
    const out = new Float64Array(count + 1);
    for (let i = 0; i < count; i++) out[i + 1] = out[i]! + size(i);
    return out;
  }, [count, size]);

  // Scrolling re-renders only when the set of rows in the window changes (the state is a string).
  const [shown, setShown] = useState(() => windowRange(starts, count, scrollMargin, overscan));
  useEffect(() => {
    const update = () => setShown(windowRange(starts, count, scrollMargin, overscan));
    update();
    window.addEventListener('scroll', update, { passive: true });
    window.addEventListener('resize', update);
    return () => {
      window.removeEventListener('scroll', update);
      window.removeEventListener('resize', update);
    };
  }, [starts, count, scrollMargin, overscan]);

  const [first, last] = shown.split(':').map(Number) as [number, number];
  const rows: WindowRow[] = [];
  for (let i = first; i < Math.min(last, count); i++) rows.push({ index: i, start: starts[i]! });
  return { rows, totalSize: starts[count]! };
}
