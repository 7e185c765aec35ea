// One Z value's grid of a plot, drawn only where it can be seen: a grid off screen is an empty box of
// its height, and within a grid only the columns and rows inside its scroll box (and a few beyond)
// are in the page, the rest held by spacers of their exact size (every cell is CELL px square).
// A plot of 4000 cells drawn whole is seconds of script and layout; its first screen is ~50 cells.
import { useEffect, useRef, useState, type RefObject } from 'react';
import { axisLabel, cellId, type PlannedCell, type PlotRecord } from '@/lib/plot';
import type { GalleryEntry } from '@/lib/params';
import { Cell, valueText, type StatusOf } from './plot-cell';

/** A cell's box (144 px) and its padding: every column's width and every row's height. */
const CELL = 152;
const OVERSCAN = 2;
const NONE: PlannedCell[] = [];
const header = 'bg-zinc-100/95 px-2 py-1.5 text-xs font-medium text-zinc-700 backdrop-blur dark:bg-zinc-800/95 dark:text-zinc-200';

interface Props {
  plot: PlotRecord;
  zi: number;
  /** Each table cell's planned stack, by the cell id of its first image. */
  stacks: Map<string, PlannedCell[]>;
  made: Map<string, GalleryEntry>;
  statusOf: StatusOf;
  onRun(cells: PlannedCell[]): void;
  onToggle(axis: 'x' | 'y' | 'z', index: number): void;
  openInGrid(id: string, rows: (string | null)[][]): void;
}

/** Whether the element is near the window (a screen above or below), watched as the page scrolls. */
function useNearWindow(ref: RefObject<HTMLElement | null>) {
  const [near, setNear] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof IntersectionObserver === 'undefined') return setNear(true);
    const observer = new IntersectionObserver(([entry]) => setNear(!!entry?.isIntersecting), { rootMargin: '100% 0px' });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return near;
}

/** "firstCol:lastCol:firstRow:lastRow" (last exclusive) of the grid inside the scroll box, kept as one string so a scroll within a cell renders nothing. */
function useGridWindow(ref: RefObject<HTMLElement | null>, cols: number, rows: number, headW: number) {
  const range = (el: HTMLElement | null) => {
    const width = el?.clientWidth || window.innerWidth;
    const height = el?.clientHeight || window.innerHeight;
    const left = el?.scrollLeft ?? 0;
    const top = el?.scrollTop ?? 0;
    const first = (at: number) => Math.max(0, Math.floor(at / CELL) - OVERSCAN);
    const last = (at: number, n: number) => Math.min(n, Math.ceil(at / CELL) + OVERSCAN);
    return `${first(left)}:${last(left + width - headW, cols)}:${first(top)}:${last(top + height, rows)}`;
  };
  const [window_, setWindow] = useState(() => range(null));
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const update = () => setWindow(range(el));
    update();
    el.addEventListener('scroll', update, { passive: true });
    const resize = new ResizeObserver(update);
    resize.observe(el);
    return () => {
      el.removeEventListener('scroll', update);
      resize.disconnect();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- range reads only these
  }, [ref, cols, rows, headW]);
  return window_.split(':').map(Number) as [number, number, number, number];
}

export function PlotGridTable(props: Props) {
  const { plot, zi } = props;
  const box = useRef<HTMLDivElement>(null);
  const near = useNearWindow(box);
  const { y, z } = plot.axes;
  const rows = y ? y.values.length : 1;
  const on = (name: 'x' | 'y' | 'z', i: number) => !plot.definition[name]?.off?.includes(i);
  return (
    <div className="flex flex-col gap-1.5">
      {z && (
        <h3 className="flex items-center gap-2 text-sm font-medium">
          <label className="flex items-center gap-1.5">
            <input type="checkbox" checked={on('z', zi)} onChange={() => props.onToggle('z', zi)} className="accent-violet-600" aria-label={`Run ${axisLabel(z.kind)} ${valueText(z.values[zi]!)}`} />
            {axisLabel(z.kind)}: {valueText(z.values[zi]!)}
          </label>
        </h3>
      )}
      <div
        ref={box}
        className="max-h-[70vh] overflow-auto rounded-xl border border-zinc-200 dark:border-zinc-800"
        role="group"
        aria-label={z ? `Grid for ${axisLabel(z.kind)} ${valueText(z.values[zi]!)}` : 'Grid'}
        // Off screen: only its height, so that the page's scroll length stays true.
        style={near ? undefined : { height: `min(70vh, ${48 + rows * CELL}px)` }}
      >
        {near && <Table {...props} box={box} />}
      </div>
    </div>
  );
}

function Table({ plot, zi, stacks, made, statusOf, onRun, onToggle, openInGrid, box }: Props & { box: RefObject<HTMLDivElement | null> }) {
  const { x, y } = plot.axes;
  const xs = x.values.map((_, i) => i);
  const ys = y ? y.values.map((_, i) => i) : [0];
  const headW = y ? 160 : 96;
  const [c0, c1, r0, r1] = useGridWindow(box, xs.length, ys.length, headW);
  const on = (name: 'x' | 'y' | 'z', i: number) => !plot.definition[name]?.off?.includes(i);
  // This Z value's grid as rows of entry ids, for the viewer's arrow keys (every cell, shown or not).
  const idAt = (xi: number, yi: number) => made.get(cellId({ x: xi, y: yi, z: zi, k: 0 }))?.id ?? null;
  const gridRows = () => ys.filter((yi) => on('y', yi)).map((yi) => xs.filter((xi) => on('x', xi)).map((xi) => idAt(xi, yi)));
  const shownXs = xs.slice(c0, c1);
  const before = c0 * CELL;
  const after = (xs.length - c1) * CELL;
  // The columns left and right of the window, as one empty cell each of their width.
  const spacer = (width: number) => (width > 0 ? <td aria-hidden className="p-0" style={{ width }} /> : null);
  return (
    <table className="table-fixed border-separate border-spacing-0" style={{ width: headW + xs.length * CELL }}>
      <thead>
        <tr>
          <th scope="col" className={`${header} sticky top-0 left-0 z-20 text-left`} style={{ width: headW }}>
            {y ? `${axisLabel(y.kind)} ↓ · ` : ''}{axisLabel(x.kind)} →
          </th>
          {spacer(before)}
          {shownXs.map((xi) => (
            <th key={xi} scope="col" className={`${header} sticky top-0 z-10 text-center`} style={{ width: CELL }}>
              <label className="flex items-center justify-center gap-1.5">
                <input type="checkbox" checked={on('x', xi)} onChange={() => onToggle('x', xi)} className="accent-violet-600" aria-label={`Run ${axisLabel(x.kind)} ${valueText(x.values[xi]!)}`} />
                <span className="line-clamp-2 break-words">{valueText(x.values[xi]!)}</span>
              </label>
            </th>
          ))}
          {spacer(after)}
        </tr>
      </thead>
      <tbody>
        {r0 > 0 && (
          <tr aria-hidden style={{ height: r0 * CELL }}>
            <td colSpan={1 + (before > 0 ? 1 : 0) + shownXs.length + (after > 0 ? 1 : 0)} />
          </tr>
        )}
        {ys.slice(r0, r1).map((yi) => (
          <tr key={yi} style={{ height: CELL }}>
            <th scope="row" className={`${header} sticky left-0 z-10 text-left`}>
              {y && (
                <label className="flex items-center gap-1.5">
                  <input type="checkbox" checked={on('y', yi)} onChange={() => onToggle('y', yi)} className="accent-violet-600" aria-label={`Run ${axisLabel(y.kind)} ${valueText(y.values[yi]!)}`} />
                  <span className="line-clamp-3 break-words">{valueText(y.values[yi]!)}</span>
                </label>
              )}
            </th>
            {spacer(before)}
            {shownXs.map((xi) => (
              <td key={xi} className="p-1 align-top">
                <Cell
                  plot={plot}
                  cells={stacks.get(cellId({ x: xi, y: yi, z: zi, k: 0 })) ?? NONE}
                  made={made}
                  statusOf={statusOf}
                  onRun={onRun}
                  onOpen={(id) => openInGrid(id, gridRows())}
                  label={`${axisLabel(x.kind)} ${valueText(x.values[xi]!)}${y ? `, ${axisLabel(y.kind)} ${valueText(y.values[yi]!)}` : ''}`}
                />
              </td>
            ))}
            {spacer(after)}
          </tr>
        ))}
        {r1 < ys.length && (
          <tr aria-hidden style={{ height: (ys.length - r1) * CELL }}>
            <td colSpan={1 + (before > 0 ? 1 : 0) + shownXs.length + (after > 0 ? 1 : 0)} />
          </tr>
        )}
      </tbody>
    </table>
  );
}
