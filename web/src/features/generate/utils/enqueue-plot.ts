// Runs a plot's cells through the queue (a first run, Resume, a cell's re-run): the app calls it.
import type { PlannedCell, PlotRecord } from '@/lib/plot';
import { useQueueStore } from '@/features/generate/stores/queue-store';
import { plotJobs } from './plot-jobs';

export function enqueuePlotCells(record: PlotRecord, cells: readonly PlannedCell[]) {
  if (cells.length) useQueueStore.getState().enqueue(plotJobs(record, cells));
}
