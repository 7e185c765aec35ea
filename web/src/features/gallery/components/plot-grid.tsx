// An X/Y/Z plot as a grid that fills as its cells are stored: the axis titles, each column's and
// row's value as headers that stay in view while a large grid scrolls (one grid per Z value), a
// cell's state in place (waiting, running, failed with Retry, missing with Run), Resume for every
// missing cell, and a value switched off or on from its header. A cell opens in the viewer, whose
// arrow keys then move across the grid. The queue is the app's: it hands statuses and runs cells.
import { useMemo, type ReactNode } from 'react';
import { axisLabel, cellId, entriesByCell, isOn, missingCells, type CellKey, type PlannedCell, type PlotRecord } from '@/lib/plot';
import type { AxisValue } from '@/lib/plot-values';
import type { GalleryEntry } from '@/lib/params';
import { plural } from '@/lib/plural';
import { useViewerStore } from '@/features/gallery/stores/viewer-store';
import { EntryThumb } from './entry-thumb';

export interface CellStatus {
  status: 'waiting' | 'running' | 'failed' | 'cancelled';
  error?: string;
}

export interface PlotGridProps {
  plot: PlotRecord;
  entries: readonly GalleryEntry[];
  /** The queue's state for a cell, if a job for it is there. */
  statusOf(cell: CellKey): CellStatus | undefined;
  /** Runs these cells (Resume, Retry, Run). */
  onRun(cells: PlannedCell[]): void;
  /** Switches a value off or on again (it is stored with the plot). */
  onToggle(axis: 'x' | 'y' | 'z', index: number): void;
  /** More actions for the header (Download grid). */
  actions?: ReactNode;
}

export const valueText = (value: AxisValue) => (value === null ? 'None' : String(value));

const NONE: PlannedCell[] = [];

const header = 'bg-zinc-100/95 px-2 py-1.5 text-xs font-medium text-zinc-700 backdrop-blur dark:bg-zinc-800/95 dark:text-zinc-200';

export function PlotGrid({ plot, entries, statusOf, onRun, onToggle, actions }: PlotGridProps) {
  const made = useMemo(() => entriesByCell(plot.id, entries), [plot.id, entries]);
  const missing = useMemo(() => missingCells(plot, entries), [plot, entries]);
  // Each table cell's planned stack, found once (a scan of every cell per table cell is 16M steps at 4000).
  const stacks = useMemo(() => {
    const byPlace = new Map<string, PlannedCell[]>();
    for (const c of plot.cells) {
      const place = cellId({ ...c, k: 0 });
      const stack = byPlace.get(place);
      if (stack) stack.push(c);
      else byPlace.set(place, [c]);
    }
    return byPlace;
  }, [plot.cells]);
  const running = new Set(missing.filter((c) => statusOf(c)?.status === 'running' || statusOf(c)?.status === 'waiting'));
  const waitingToResume = missing.filter((c) => !running.has(c));
  const { x, y, z } = plot.axes;
  const xs = x.values.map((_, i) => i);
  const ys = y ? y.values.map((_, i) => i) : [0];
  const zs = z ? z.values.map((_, i) => i) : [0];
  const on = (name: 'x' | 'y' | 'z', i: number) => !plot.definition[name]?.off?.includes(i);
  const openInGrid = useViewerStore((s) => s.openInGrid);
  const total = plot.cells.filter((c) => isOn(plot.definition, c)).length;

  return (
    <section aria-label="X/Y plot" className="flex min-w-0 flex-col gap-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="min-w-0">
          <h2 className="text-base font-semibold">
            X/Y plot · {axisLabel(x.kind)}{y ? ` × ${axisLabel(y.kind)}` : ''}{z ? ` × ${axisLabel(z.kind)}` : ''}
          </h2>
          <p className="truncate text-xs text-zinc-500" title={plot.prompt}>
            {total - missing.length} of {plural(total, 'image')} · {plot.prompt} · {plot.fixed}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          {waitingToResume.length > 0 && running.size === 0 && (
            <button type="button" onClick={() => onRun(waitingToResume)} className="rounded-lg bg-violet-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-violet-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-violet-500">
              Resume ({plural(waitingToResume.length, 'missing cell')})
            </button>
          )}
          {actions}
        </div>
      </div>
      {zs.map((zi) => {
        // This Z value's grid as rows of entry ids, for the viewer's arrow keys.
        const idAt = (xi: number, yi: number) => made.get(cellId({ x: xi, y: yi, z: zi, k: 0 }))?.id ?? null;
        const rows = ys.filter((yi) => on('y', yi)).map((yi) => xs.filter((xi) => on('x', xi)).map((xi) => idAt(xi, yi)));
        return (
          <div key={zi} className="flex flex-col gap-1.5">
            {z && (
              <h3 className="flex items-center gap-2 text-sm font-medium">
                <label className="flex items-center gap-1.5">
                  <input type="checkbox" checked={on('z', zi)} onChange={() => onToggle('z', zi)} className="accent-violet-600" aria-label={`Run ${axisLabel(z.kind)} ${valueText(z.values[zi]!)}`} />
                  {axisLabel(z.kind)}: {valueText(z.values[zi]!)}
                </label>
              </h3>
            )}
            <div className="max-h-[70vh] overflow-auto rounded-xl border border-zinc-200 dark:border-zinc-800" role="group" aria-label={z ? `Grid for ${axisLabel(z.kind)} ${valueText(z.values[zi]!)}` : 'Grid'}>
              <table className="border-separate border-spacing-0">
                <thead>
                  <tr>
                    <th scope="col" className={`${header} sticky top-0 left-0 z-20 text-left`}>
                      {y ? `${axisLabel(y.kind)} ↓ · ` : ''}{axisLabel(x.kind)} →
                    </th>
                    {xs.map((xi) => (
                      <th key={xi} scope="col" className={`${header} sticky top-0 z-10 max-w-48 text-center`}>
                        <label className="flex items-center justify-center gap-1.5">
                          <input type="checkbox" checked={on('x', xi)} onChange={() => onToggle('x', xi)} className="accent-violet-600" aria-label={`Run ${axisLabel(x.kind)} ${valueText(x.values[xi]!)}`} />
                          <span className="line-clamp-2 break-words">{valueText(x.values[xi]!)}</span>
                        </label>
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {ys.map((yi) => (
                    <tr key={yi}>
                      <th scope="row" className={`${header} sticky left-0 z-10 max-w-40 text-left`}>
                        {y && (
                          <label className="flex items-center gap-1.5">
                            <input type="checkbox" checked={on('y', yi)} onChange={() => onToggle('y', yi)} className="accent-violet-600" aria-label={`Run ${axisLabel(y.kind)} ${valueText(y.values[yi]!)}`} />
                            <span className="line-clamp-3 break-words">{valueText(y.values[yi]!)}</span>
                          </label>
                        )}
                      </th>
                      {xs.map((xi) => (
                        <td key={xi} className="p-1 align-top">
                          <Cell
                            plot={plot}
                            cells={stacks.get(cellId({ x: xi, y: yi, z: zi, k: 0 })) ?? NONE}
                            made={made}
                            statusOf={statusOf}
                            onRun={onRun}
                            onOpen={(id) => openInGrid(id, rows)}
                            label={`${axisLabel(x.kind)} ${valueText(x.values[xi]!)}${y ? `, ${axisLabel(y.kind)} ${valueText(y.values[yi]!)}` : ''}`}
                          />
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        );
      })}
    </section>
  );
}

function Cell({ plot, cells, made, statusOf, onRun, onOpen, label }: { plot: PlotRecord; cells: PlannedCell[]; made: Map<string, GalleryEntry>; statusOf: PlotGridProps['statusOf']; onRun(cells: PlannedCell[]): void; onOpen(id: string): void; label: string }) {
  const box = 'flex size-36 flex-col items-center justify-center gap-1.5 rounded-lg border border-dashed border-zinc-300 p-2 text-center text-xs text-zinc-500 dark:border-zinc-700';
  if (!cells.length || !isOn(plot.definition, cells[0]!)) return <div className={`${box} opacity-50`}>Switched off</div>;
  const stored = cells.map((c) => made.get(cellId(c)));
  if (stored.every(Boolean)) {
    const busy = cells.some((c) => statusOf(c)?.status === 'running' || statusOf(c)?.status === 'waiting');
    return (
      <div className="relative flex size-36 gap-0.5">
        {stored.map((entry, k) => (
          <button key={entry!.id} type="button" onClick={() => onOpen(entry!.id)} aria-label={`Open: ${label}${cells.length > 1 ? ` (${k + 1} of ${cells.length})` : ''}`} className="min-w-0 flex-1 overflow-hidden rounded-lg focus-visible:outline-2 focus-visible:outline-violet-500">
            <EntryThumb id={entry!.id} className="size-full" />
          </button>
        ))}
        {/* A cell made again keeps the earlier image in the gallery; the grid shows the newest. */}
        <button type="button" disabled={busy} onClick={() => onRun(cells)} aria-label={`Run again ${label}`} title="Run this cell again" className="absolute top-1 right-1 flex size-6 items-center justify-center rounded-md bg-black/50 text-xs text-white hover:bg-black/70 focus-visible:outline-2 focus-visible:outline-violet-400 disabled:opacity-40">
          {busy ? '…' : '↻'}
        </button>
      </div>
    );
  }
  const pending = cells.filter((_, k) => !stored[k]);
  const statuses = pending.map((c) => statusOf(c));
  const failed = statuses.find((s) => s?.status === 'failed' || s?.status === 'cancelled');
  if (failed) {
    return (
      <div role="alert" className={`${box} border-red-300 text-red-800 dark:border-red-900 dark:text-red-300`}>
        <span className="line-clamp-4">{failed.status === 'cancelled' ? 'Cancelled.' : failed.error}</span>
        <button type="button" onClick={() => onRun(pending)} aria-label={`Retry ${label}`} className="rounded-md border border-current px-2 py-0.5 font-medium">
          Retry
        </button>
      </div>
    );
  }
  if (statuses.some((s) => s?.status === 'running')) return <div className={box}>Generating…</div>;
  if (statuses.some((s) => s?.status === 'waiting')) return <div className={box}>Waiting</div>;
  return (
    <div className={box}>
      Not made yet
      <button type="button" onClick={() => onRun(pending)} aria-label={`Run ${label}`} className="rounded-md border border-zinc-300 px-2 py-0.5 font-medium dark:border-zinc-700">
        Run
      </button>
    </div>
  );
}
