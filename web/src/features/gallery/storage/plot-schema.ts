// The one schema a stored plot must pass, wherever it comes from (IndexedDB or an imported zip):
// every field checked, unknown fields dropped. A record that fails is skipped alone; its cells stay
// ordinary gallery entries.
import * as z from 'zod/mini';
import type { PlotRecord } from '@/lib/plot';
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
  // At most 100 images run at once, but every value's cells are planned: 100 values × 4 at most per axis.
  cells: z.array(z.extend(cellSchema, { request, basePrompt: text(20_000), styles: z.array(text(2000)).check(z.maxLength(100)) })).check(z.maxLength(4000)),
});

/** The record as a plot, or undefined when any field is missing or of the wrong kind. */
export function parsePlot(raw: unknown): PlotRecord | undefined {
  const result = plotSchema.safeParse(raw);
  return result.success ? (result.data as PlotRecord) : undefined;
}
