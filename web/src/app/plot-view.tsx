// The result area while a plot is the latest thing started (or reopened from the gallery): its grid,
// filled from the gallery and the queue (the two features meet only here). Resume and Retry enqueue
// the plot's own planned cells again; Download grid sits in its header. A plot whose record is
// gone or refused says so, and its id is dropped from the tab's memory (a reload shows the latest image).
import { lazy, Suspense, useEffect } from 'react';
import { cellId, PLOT_MAX_PLANNED, type CellKey } from '@/lib/plot';
import { NO_ENTRIES, useGallery } from '@/features/gallery/api/gallery';
import { togglePlotValue, usePlot, useTogglePlotValue, type LoadedPlot } from '@/features/gallery/api/plots';
import type { CellStatus } from '@/features/gallery/components/plot-grid';
import { lazyRetry } from '@/lib/lazy-retry';
import { useQueueStore } from '@/features/generate/stores/queue-store';
import { enqueuePlotCells } from '@/features/generate/utils/enqueue-plot';
import { usePlotStore } from '@/features/gallery/stores/shown-plot-store';

// The grid itself is not in the first paint: the record is read first anyway (prefetched once idle).
const PlotGrid = lazyRetry(() => import('@/features/gallery/components/plot-grid').then((m) => ({ default: m.PlotGrid })));
/** Lets the region's Try again load the grid's code again after a failed load. */
export const reloadPlotGrid = () => PlotGrid.reload();

// Download grid, as in the plot's gallery header (loaded with it, prefetched once the page is idle).
const PlotGroupActions = lazy(() => import('@/features/gallery/components/plot-group-actions').then((m) => ({ default: m.PlotGroupActions })));

/** Why a plot is not shown, in one sentence. */
function notShown({ refused, cells }: LoadedPlot) {
  if (refused === 'too-large') return `This plot’s record names ${cells?.toLocaleString('en') ?? 'more'} cells, more than the ${PLOT_MAX_PLANNED} a plot keeps, so it is not shown. Its images, if any, are in the gallery.`;
  if (refused === 'damaged') return 'This plot’s record is damaged (a field is missing or out of range, or a cell lies outside its axes), so it is not shown. Its images, if any, are in the gallery.';
  return 'This plot is no longer in this browser; its images, if any, are in the gallery.';
}

const closeButton = 'rounded-md border border-zinc-300 px-2.5 py-1 text-xs font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800';

export function PlotView({ plotId, onClose }: { plotId: string; onClose(): void }) {
  const { data, isPending } = usePlot(plotId);
  const plot = data?.plot;
  const entries = useGallery().data ?? NO_ENTRIES;
  const jobs = useQueueStore((s) => s.jobs);
  const toggle = useTogglePlotValue();
  const gone = !!data && !plot;
  // Kept on screen for now, forgotten by the tab: a reload must not bring a refused record back.
  useEffect(() => {
    if (gone) usePlotStore.getState().refuse(plotId);
  }, [gone, plotId]);
  if (isPending) return <p className="text-sm text-zinc-500">Loading the plot…</p>;
  if (!plot) {
    return (
      <div className="flex flex-wrap items-start gap-3">
        <p role="alert" className="min-w-0 flex-1 text-sm text-red-700 dark:text-red-400">
          {data ? notShown(data) : 'This plot could not be read.'}
        </p>
        <button type="button" onClick={onClose} className={closeButton}>
          Show the latest image
        </button>
      </div>
    );
  }
  // The newest job of each cell says its state. An interrupted one leaves its cell missing: the
  // grid's Resume then claims that same job (enqueuePlotCells), as the queue's Resume would.
  const byCell = new Map<string, CellStatus>();
  for (const job of jobs) {
    if (job.group?.id !== plot.id || !job.cell || job.status === 'done' || job.status === 'interrupted') continue;
    byCell.set(cellId(job.cell), { status: job.status, error: job.error });
  }
  return (
    <Suspense fallback={<p className="text-sm text-zinc-500">Loading the plot…</p>}>
      <PlotGrid
        plot={plot}
        entries={entries}
        statusOf={(cell: CellKey) => byCell.get(cellId(cell))}
        onRun={(cells) => void enqueuePlotCells(plot, cells)}
        onToggle={(axis, index) => toggle.mutate(togglePlotValue(plot, axis, index))}
        actions={
          <>
            <Suspense fallback={null}>
              <PlotGroupActions plotId={plot.id} entries={entries} />
            </Suspense>
            <button type="button" onClick={onClose} className={closeButton}>
              Show the latest image
            </button>
          </>
        }
      />
    </Suspense>
  );
}
