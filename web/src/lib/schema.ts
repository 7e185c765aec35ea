// The one schema module of the browser (zod/mini, which keeps the first paint's script small): image
// parameters, input-image references, control images, groups, plot cells and the plot definition,
// and the records built of them (a request, a gallery entry, a plot, a zip's manifest). Every
// untrusted place reads through it: stored entries and plots, the journal, zips, the form's stored
// draft, links and files. The names of earlier versions (`steps`, `format`, `guidance`) are
// translated here, once.
import * as z from 'zod/mini';
import { CONTROLNET_WEIGHT_BOUNDS, INPUT_IMAGE_MAX_SIDE, RESPONSE_FORMATS, SEED_MAX, STEPS_BOUNDS } from '@server/contract';
import { IMAGE_MIMES } from './image-type';
import type { ControlInput, GalleryEntry, ImageParams } from './params';
import { AXIS_KINDS, AXIS_MAX_VALUES, PER_CELL_MAX, PLOT_MAX_PLANNED, type PlotDefinition, type PlotRecord } from './plot';

export const text = (max: number) => z.string().check(z.maxLength(max));
export const count = (min: number) => z.int().check(z.minimum(min));

/** No guidance_scale a model takes comes near this; an endpoint's own range is checked on use. */
export const GUIDANCE_MAX = 100;

// The parameters, each once.
const prompt = text(20_000);
const steps = count(1);
const seed = count(0).check(z.maximum(SEED_MAX));
const format = z.enum(RESPONSE_FORMATS);
const guidanceScale = z.number().check(z.minimum(0), z.maximum(GUIDANCE_MAX));
const styles = z.array(text(2000)).check(z.maxLength(100));
export const imageMimeSchema = z.enum(IMAGE_MIMES);
export const hashSchema = z.string().check(z.regex(/^[0-9a-f]{64}$/));

/** The names earlier versions used (links, files, stored records and drafts), and the API's for each. */
const LEGACY_NAMES = { steps: 'num_inference_steps', format: 'response_format', guidance: 'guidance_scale' } as const;

/** A record with the earlier names renamed to the API's; a field under the API's name wins. Anything else is left as it is. */
export function withApiNames(raw: unknown): unknown {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return raw;
  const out: Record<string, unknown> = { ...raw };
  for (const [old, api] of Object.entries(LEGACY_NAMES)) {
    if (!(old in out)) continue;
    const value = out[old];
    delete out[old];
    if (out[api] === undefined && value !== undefined) out[api] = value;
  }
  return out;
}

export const GROUP_KINDS = ['batch', 'steps', 'seeds', 'ab', 'guidance', 'plot'] as const;

export const groupSchema = z.object({
  id: text(200),
  kind: z.enum(GROUP_KINDS),
  label: text(500),
  index: count(0),
  size: count(1),
});

const axisIndex = count(0).check(z.maximum(AXIS_MAX_VALUES - 1));

/** Where a plot's image sits: indexes into its axes, its place in a stack of up to PER_CELL_MAX. */
export const cellSchema = z.object({ x: axisIndex, y: axisIndex, z: axisIndex, k: count(0).check(z.maximum(PER_CELL_MAX - 1)) });

/** An input image by reference (its bytes are in the input store, lib/input-images.ts). */
export const inputSchema = z.object({
  hash: hashSchema,
  mime: imageMimeSchema,
  width: count(1).check(z.maximum(INPUT_IMAGE_MAX_SIDE)),
  height: count(1).check(z.maximum(INPUT_IMAGE_MAX_SIDE)),
  entryId: z.optional(text(200)),
});

const weight = z.number().check(z.minimum(CONTROLNET_WEIGHT_BOUNDS.min), z.maximum(CONTROLNET_WEIGHT_BOUNDS.max));
export const controlsSchema = z.array(z.object({ image: inputSchema, weight })).check(z.maxLength(8));

/** What a job sends (RequestParams): the plain fields, and its input images by reference. */
export const requestSchema = z.object({
  prompt,
  num_inference_steps: steps,
  seed: z.optional(seed),
  response_format: format,
  endpoint: z.optional(text(500)),
  adapter: z.optional(text(200)),
  guidance_scale: z.optional(guidanceScale),
  source: z.optional(inputSchema),
  controls: z.optional(controlsSchema),
});

const entrySchema = z.object({
  id: text(200).check(z.minLength(1)),
  prompt,
  basePrompt: z.optional(prompt),
  styles: z.optional(styles),
  group: z.optional(groupSchema),
  cell: z.optional(cellSchema),
  starred: z.optional(z.boolean()),
  num_inference_steps: steps,
  seed,
  response_format: format,
  engine: z.enum(['local', 'friendli']),
  endpoint: z.nullable(text(500)),
  adapter: z.optional(z.nullable(text(200))),
  guidance_scale: z.optional(z.nullable(guidanceScale)),
  source: z.optional(inputSchema),
  controls: z.optional(controlsSchema),
  createdAt: z.number(),
  elapsedMs: z.number().check(z.minimum(0)),
  mime: imageMimeSchema,
  width: count(1),
  height: count(1),
  bytes: count(0),
});

/** A gallery record (IndexedDB, a zip), every field checked, unknown fields dropped; or undefined. */
export function parseEntry(raw: unknown): GalleryEntry | undefined {
  const result = entrySchema.safeParse(withApiNames(raw));
  return result.success ? (result.data as GalleryEntry) : undefined;
}

// The plot.
const axisKind = z.enum(AXIS_KINDS.map((a) => a.kind) as [PlotDefinition['x']['kind'], ...PlotDefinition['x']['kind'][]]);
const axis = z.object({ kind: axisKind, text: text(5000), off: z.optional(z.array(axisIndex).check(z.maxLength(AXIS_MAX_VALUES))) });
const plotted = z.object({ kind: axisKind, values: z.array(z.union([z.number(), text(2000), z.null()])).check(z.minLength(1), z.maxLength(AXIS_MAX_VALUES)) });

/** A plot's definition: its axes as typed (Y and Z optional) and images per cell. */
export const plotDefinitionSchema = z.object({ x: axis, y: z.nullable(axis), z: z.nullable(axis), perCell: count(1).check(z.maximum(PER_CELL_MAX)) });

const plotSchema = z.object({
  id: text(200).check(z.minLength(1)),
  createdAt: z.number(),
  definition: plotDefinitionSchema,
  axes: z.object({ x: plotted, y: z.nullable(plotted), z: z.nullable(plotted) }),
  prompt,
  fixed: text(2000),
  // Every value's cells are planned, switched off or not; checkPlot bounds them by the axes too.
  cells: z.array(z.extend(cellSchema, { request: requestSchema, basePrompt: prompt, styles })).check(z.maxLength(PLOT_MAX_PLANNED)),
});

export type PlotCheck = { ok: true; plot: PlotRecord } | { ok: false; why: 'damaged' | 'too-large'; cells?: number };

/** How many cells the plot's axes name (switched off or not), images per cell included. */
export const plannedCells = (plot: Pick<PlotRecord, 'axes' | 'definition'>) =>
  plot.axes.x.values.length * (plot.axes.y?.values.length ?? 1) * (plot.axes.z?.values.length ?? 1) * plot.definition.perCell;

/**
 * A stored or imported plot, or why not: damaged (a field missing or of the wrong kind, an axis
 * defined but not plotted, a cell outside its axes) or too large (more cells than a plan can make).
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

// A zip's manifest: its records are checked one by one (parseEntry, checkPlot, inputMemberSchema).
export const manifestSchema = z.object({
  app: z.literal('friendli-image-studio'),
  version: z.literal(1),
  entries: z.array(z.unknown()),
  inputs: z.optional(z.array(z.unknown())),
  plots: z.optional(z.array(z.unknown())),
});
export const inputMemberSchema = z.object({ hash: hashSchema, mime: imageMimeSchema, file: text(1000) });

// Parameters from an untrusted place that may write numbers as text (a link, a file's settings).
const numeric = z.pipe(z.union([z.number(), z.pipe(z.string().check(z.regex(/\S/)), z.transform(Number))]), z.number());
const name = z.string().check(z.minLength(1), z.maxLength(200), z.regex(/^[\w.:-]+$/));
const given = {
  prompt: prompt.check(z.refine((p) => p.trim() !== '')),
  num_inference_steps: z.pipe(numeric, z.int().check(z.minimum(STEPS_BOUNDS.min), z.maximum(STEPS_BOUNDS.max))),
  seed: z.pipe(numeric, seed),
  response_format: format,
  // Endpoint ids and adapter routes are checked against the server's list where they are used.
  endpoint: name,
  adapter: name,
  guidance_scale: z.pipe(numeric, guidanceScale),
};

/**
 * A partial set of parameters from an untrusted source (a link, a file): only valid fields survive.
 * The names of earlier versions (`steps`, `format`, `guidance`) are read too, the API's first.
 */
export function pickParams(raw: Record<string, unknown>): Partial<ImageParams> {
  const named = withApiNames(raw) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(given)) {
    const result = (schema as z.ZodMiniType).safeParse(named[key]);
    if (result.success) out[key] = result.data;
  }
  return out as Partial<ImageParams>;
}

// A tab's stored draft (the form's own fields are checked by the form): what each choice may be,
// and what it falls back to when it is not that.
const clamp = (min: number, max: number) => z.overwrite((n: number) => Math.min(max, Math.max(min, n)));
const orNull = <T extends z.ZodMiniType>(schema: T) => z.catch(z.nullable(schema), null);
const draftChoices = z.object({
  endpoint: orNull(text(200)),
  adapter: orNull(text(200)),
  guidance_scale: orNull(z.number()),
  modelDefaultGuidance: z.catch(z.boolean(), true),
  guidanceCount: z.catch(z.optional(z.int().check(clamp(2, 8))), undefined),
  plot: z.catch(z.optional(plotDefinitionSchema), undefined),
  source: orNull(inputSchema),
  // The valid control images, weights clamped to their bounds.
  controls: z.catch(z.array(z.catch(z.nullable(z.object({ image: inputSchema, weight: z.number().check(clamp(CONTROLNET_WEIGHT_BOUNDS.min, CONTROLNET_WEIGHT_BOUNDS.max)) })), null)), []),
});

export type DraftChoices = Omit<z.infer<typeof draftChoices>, 'controls' | 'plot'> & { controls: ControlInput[]; plot?: PlotDefinition };

/** The choices of a stored draft, each checked (a field that fails falls back to none). */
export function parseDraftChoices(raw: unknown): DraftChoices {
  const { controls, ...rest } = draftChoices.parse(raw && typeof raw === 'object' ? raw : {});
  return { ...(rest as Omit<DraftChoices, 'controls'>), controls: controls.filter((c) => c !== null) };
}

/** A plot definition from an untrusted place (a dropped sheet), or undefined. */
export function parsePlotDefinition(raw: unknown): PlotDefinition | undefined {
  const result = plotDefinitionSchema.safeParse(raw);
  return result.success ? (result.data as PlotDefinition) : undefined;
}
