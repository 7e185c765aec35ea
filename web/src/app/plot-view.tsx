// The result area while a plot is the latest thing started (or reopened from the gallery): its grid,
// filled from the gallery and the queue (the two features meet only here). Resume and Retry enqueue
// the plot's own planned cells again; Download grid sits in its header.
import { lazy, Suspense, type ReactNode } from 'react';
import { cellId, type CellKey, type PlannedCell, type PlotRecord } from '@/lib/plot';
import { NO_ENTRIES, useGallery } from '@/features/gallery/api/gallery';
import { togglePlotValue, usePlot, useTogglePlotValue } from '@/features/gallery/api/plots';
import { PlotGrid, type CellStatus } from '@/features/gallery/components/plot-grid';
import { useQueueStore } from '@/features/generate/stores/queue-store';

// Download grid, as in the plot's gallery header (loaded with it, prefetched once the page is idle).
const PlotGroupActions = lazy(() => import('@/features/gallery/components/plot-group-actions').then((m) => ({ default: m.PlotGroupActions })));

export function PlotView({ plotId, onRun, actions }: { plotId: string; onRun(plot: PlotRecord, cells: PlannedCell[]): void; actions?(plot: PlotRecord): ReactNode }) {
  const { data: plot, isPending } = usePlot(plotId);
  const entries = useGallery().data ?? NO_ENTRIES;
  const jobs = useQueueStore((s) => s.jobs);
  const toggle = useTogglePlotValue();
  if (isPending) return <p className="text-sm text-zinc-500">Loading the plot…</p>;
  if (!plot) return <p role="alert" className="text-sm text-red-700 dark:text-red-400">This plot is no longer in this browser; its images, if any, are in the gallery.</p>;
  // The newest job of each cell says its state. An interrupted one leaves its cell missing: the
  // grid's Resume then claims that same job (enqueuePlotCells), as the queue's Resume would.
  const byCell = new Map<string, CellStatus>();
  for (const job of jobs) {
    if (job.group?.id !== plot.id || !job.cell || job.status === 'done' || job.status === 'interrupted') continue;
    byCell.set(cellId(job.cell), { status: job.status, error: job.error });
  }
  return (
    <PlotGrid
      plot={plot}
      entries={entries}
      statusOf={(cell: CellKey) => byCell.get(cellId(cell))}
      onRun={(cells) => onRun(plot, cells)}
      onToggle={(axis, index) => toggle.mutate(togglePlotValue(plot, axis, index))}
      actions={
        <>
          <Suspense fallback={null}>
            <PlotGroupActions plotId={plot.id} entries={entries} />
          </Suspense>
          {actions?.(plot)}
        </>
      }
    />
  );
}
