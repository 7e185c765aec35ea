// Runs a plot's cells through the queue (a first run, Resume, a cell's re-run): the app calls it.
// A cell that already has a job is not given a second one: an interrupted job is resumed (claimed,
// so the queue's Resume and the plot's cannot both run it), a failed or cancelled one is retried,
// and one another open tab is running is left to it.
import { cellId, type PlannedCell, type PlotRecord } from '@/lib/plot';
import { useQueueStore } from '@/features/generate/stores/queue-store';
import { liveOwners, ME, readJournal } from '@/features/generate/storage/job-journal';
import { ownerAlive } from '@/features/generate/storage/journal-logic';
import { plotJobs } from './plot-jobs';

/** The cells of this plot that a job in another open tab is running (records read loosely: only compared). */
async function cellsElsewhere(plotId: string): Promise<Set<string>> {
  const [all, live] = await Promise.all([readJournal(), liveOwners()]);
  const now = Date.now();
  const cells = new Set<string>();
  for (const [, raw] of all) {
    const r = raw as { owner?: unknown; lease?: unknown; spec?: { group?: { id?: unknown }; cell?: PlannedCell } } | null;
    if (typeof r?.owner !== 'string' || r.owner === ME || r.spec?.group?.id !== plotId || !r.spec.cell) continue;
    if (ownerAlive(r.owner, Number(r.lease), ME, live, now)) cells.add(cellId(r.spec.cell));
  }
  return cells;
}

export async function enqueuePlotCells(record: PlotRecord, cells: readonly PlannedCell[]) {
  if (!cells.length) return;
  const elsewhere = await cellsElsewhere(record.id).catch(() => new Set<string>());
  const queue = useQueueStore.getState();
  const fresh: PlannedCell[] = [];
  for (const cell of cells) {
    const own = queue.jobs.findLast((j) => j.group?.id === record.id && j.cell && cellId(j.cell) === cellId(cell));
    if (own?.status === 'interrupted') void queue.resume(own.id);
    else if (own?.status === 'failed' || own?.status === 'cancelled') queue.retry(own.id);
    else if (own?.status === 'waiting' || own?.status === 'running' || elsewhere.has(cellId(cell))) continue;
    else fresh.push(cell);
  }
  if (fresh.length) queue.enqueue(plotJobs(record, fresh));
}
