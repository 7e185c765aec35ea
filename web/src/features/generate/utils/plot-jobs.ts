// A plot's cells as queue jobs: each carries its request, its cell and the plot's group (id = the
// plot's id), so a first run, Resume and a cell's re-run all enqueue the same way.
import { axisLabel, type PlannedCell, type PlotRecord } from '@/lib/plot';
import type { JobSpec } from '@/features/generate/stores/queue-store';

/** "X/Y plot · Steps × Seed" (× the Z axis when there is one). */
export function plotLabel(record: Pick<PlotRecord, 'axes'>): string {
  const { x, y, z } = record.axes;
  return `X/Y plot · ${[x, y, z].flatMap((a) => (a ? [axisLabel(a.kind)] : [])).join(' × ')}`;
}

export function plotJobs(record: PlotRecord, cells: readonly PlannedCell[]): JobSpec[] {
  const label = plotLabel(record);
  const size = record.cells.length;
  const place = (c: PlannedCell) => record.cells.findIndex((r) => r.x === c.x && r.y === c.y && r.z === c.z && r.k === c.k);
  return cells.map((c) => ({
    request: c.request,
    basePrompt: c.basePrompt,
    styles: c.styles,
    cell: { x: c.x, y: c.y, z: c.z, k: c.k },
    group: { id: record.id, kind: 'plot', label, index: Math.max(0, place(c)), size },
  }));
}
