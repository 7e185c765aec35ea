// An X/Y/Z plot as a grid that fills as its cells are stored: the axis titles, each column's and
// row's value as headers that stay in view while a large grid scrolls (one grid per Z value), a
// cell's state in place (waiting, running, failed with Retry, missing with Run), Resume for every
// missing cell, and a value switched off or on from its header. A cell opens in the viewer, whose
// arrow keys then move across the grid. The queue is the app's: it hands statuses and runs cells.
// Each Z value's grid is drawn only where it can be seen (plot-grid-table.tsx).
import { useMemo, type ReactNode } from 'react';
import { axisLabel, cellId, entriesByCell, isOn, missingCells, type PlannedCell, type PlotRecord } from '@/lib/plot';
import type { GalleryEntry } from '@/lib/params';
import { plural } from '@/lib/plural';
import { useViewerStore } from '@/features/gallery/stores/viewer-store';
import type { StatusOf } from './plot-cell';
import { PlotGridTable } from './plot-grid-table';

export type { CellStatus } from './plot-cell';
export { valueText } from './plot-cell';

export interface PlotGridProps {
  plot: PlotRecord;
  entries: readonly GalleryEntry[];
  /** The queue's state for a cell, if a job for it is there. */
  statusOf: StatusOf;
  /** Runs these cells (Resume, Retry, Run). */
  onRun(cells: PlannedCell[]): void;
  /** Switches a value off or on again (it is stored with the plot). */
  onToggle(axis: 'x' | 'y' | 'z', index: number): void;
  /** More actions for the header (Download grid). */
  actions?: ReactNode;
}


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
  const zs = z ? z.values.map((_, i) => i) : [0];
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
      {zs.map((zi) => (
        <PlotGridTable key={zi} plot={plot} zi={zi} stacks={stacks} made={made} statusOf={statusOf} onRun={onRun} onToggle={onToggle} openInGrid={openInGrid} />
      ))}
    </section>
  );
}
