// One cell of a plot's grid: its stack of images (each opens in the viewer, with Run again), or its
// state in place: switched off, waiting, generating, failed with Retry, or not made yet with Run.
import type { GalleryEntry } from '@/lib/params';
import { cellId, isOn, type PlannedCell, type PlotRecord, type CellKey } from '@/lib/plot';
import type { AxisValue } from '@/lib/plot-values';
import { EntryThumb } from './entry-thumb';

/** A header value as the grid shows it: null (no adapter, no style) as "None". */
export const valueText = (value: AxisValue) => (value === null ? 'None' : String(value));

export interface CellStatus {
  status: 'waiting' | 'running' | 'failed' | 'cancelled';
  error?: string;
}

export type StatusOf = (cell: CellKey) => CellStatus | undefined;

export function Cell({ plot, cells, made, statusOf, onRun, onOpen, label }: { plot: PlotRecord; cells: PlannedCell[]; made: Map<string, GalleryEntry>; statusOf: StatusOf; onRun(cells: PlannedCell[]): void; onOpen(id: string): void; label: string }) {
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
