// The one schema a stored plot must pass, wherever it comes from (IndexedDB or an imported zip):
// every field checked, unknown fields dropped. A record that fails is skipped alone; its cells stay
// ordinary gallery entries. Past the schema, a plot must be one the planner could make: its axes'
// product within PLOT_MAX_PLANNED and every cell inside its axes (the grid draws axes × cells).
import * as z from 'zod/mini';
import { PLOT_MAX_PLANNED, type PlotRecord } from '@/lib/plot';
import { AXIS_MAX_VALUES } from '@/lib/plot-values';
import { cellSchema, count, requestSchema as request, text } from '@/lib/request-schema';

const kind = z.enum(['seed', 'steps', 'guidance', 'prompt-sr', 'endpoint', 'adapter', 'style']);
const axis = z.object({ kind, text: text(5000), off: z.optional(z.array(count(0).check(z.maximum(AXIS_MAX_VALUES - 1))).check(z.maxLength(AXIS_MAX_VALUES))) });
const plotted = z.object({ kind, values: z.array(z.union([z.number(), text(2000), z.null()])).check(z.minLength(1), z.maxLength(AXIS_MAX_VALUES)) });

const plotSchema = z.object({
  id: text(200).check(z.minLength(1)),
  createdAt: z.number(),
  definition: z.object({ x: axis, y: z.nullable(axis), z: z.nullable(axis), perCell: count(1).check(z.maximum(4)) }),
  axes: z.object({ x: plotted, y: z.nullable(plotted), z: z.nullable(plotted) }),
  prompt: text(20_000),
  fixed: text(2000),
  // Every value's cells are planned, switched off or not; checkPlot bounds them by the axes too.
  cells: z.array(z.extend(cellSchema, { request, basePrompt: text(20_000), styles: z.array(text(2000)).check(z.maxLength(100)) })).check(z.maxLength(4000)),
});

export type PlotCheck = { ok: true; plot: PlotRecord } | { ok: false; why: 'damaged' | 'too-large'; cells?: number };

/** How many cells the plot's axes name (switched off or not), images per cell included. */
export const plannedCells = (plot: Pick<PlotRecord, 'axes' | 'definition'>) =>
  plot.axes.x.values.length * (plot.axes.y?.values.length ?? 1) * (plot.axes.z?.values.length ?? 1) * plot.definition.perCell;

/**
 * The record as a plot, or why not: damaged (a field missing or of the wrong kind, an axis defined but
 * not plotted, a cell outside its axes) or too large (more cells than a plan can make).
 */
export function checkPlot(raw: unknown): PlotCheck {
  const result = plotSchema.safeParse(raw);
  if (!result.success) return { ok: false, why: 'damaged' };
  const plot = result.data as PlotRecord;
  const { axes, definition } = plot;
  if (!axes.y !== !definition.y || !axes.z !== !definition.z) return { ok: false, why: 'damaged' };
  const cells = plannedCells(plot);
  if (cells > PLOT_MAX_PLANNED) return { ok: false, why: 'too-large', cells };
  const [xs, ys, zs] = [axes.x.values.length, axes.y?.values.length ?? 1, axes.z?.values.length ?? 1];
  if (plot.cells.some((c) => c.x >= xs || c.y >= ys || c.z >= zs || c.k >= definition.perCell)) return { ok: false, why: 'damaged' };
  return { ok: true, plot };
}

/** The record as a plot, or undefined when it fails checkPlot. */
export function parsePlot(raw: unknown): PlotRecord | undefined {
  const result = checkPlot(raw);
  return result.ok ? result.plot : undefined;
}
