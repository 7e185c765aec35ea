// The one schema a gallery record must pass, wherever it comes from (IndexedDB or an imported zip):
// every field checked, unknown fields dropped. zod/mini keeps the first paint's JavaScript small.
// Records and zips from earlier versions say `steps` and `format`: they are read under the API's names.
import * as z from 'zod/mini';
import { INPUT_IMAGE_MAX_SIDE as INPUT_MAX_SIDE, RESPONSE_FORMATS, SEED_MAX } from '@server/contract';
import type { GalleryEntry } from '@/lib/params';

export const text = (max: number) => z.string().check(z.maxLength(max));
export const count = (min: number) => z.int().check(z.minimum(min));

const groupSchema = z.object({
  id: text(200),
  kind: z.enum(['batch', 'steps', 'seeds', 'ab', 'guidance', 'plot']),
  label: text(500),
  index: count(0),
  size: count(1),
});

/** Where a plot's image sits: indexes into its axes (at most 100 values each), its place in a stack of up to 4. */
export const cellSchema = z.object({ x: count(0).check(z.maximum(99)), y: count(0).check(z.maximum(99)), z: count(0).check(z.maximum(99)), k: count(0).check(z.maximum(3)) });

/** An input image by reference (its bytes are in the input store, lib/input-images.ts). */
export const inputSchema = z.object({
  hash: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  mime: z.enum(['image/png', 'image/jpeg', 'image/webp']),
  width: count(1).check(z.maximum(INPUT_MAX_SIDE)),
  height: count(1).check(z.maximum(INPUT_MAX_SIDE)),
  entryId: z.optional(text(200)),
});

const entrySchema = z.object({
  id: text(200).check(z.minLength(1)),
  prompt: text(20_000),
  basePrompt: z.optional(text(20_000)),
  styles: z.optional(z.array(text(2000)).check(z.maxLength(100))),
  group: z.optional(groupSchema),
  cell: z.optional(cellSchema),
  starred: z.optional(z.boolean()),
  num_inference_steps: count(1),
  seed: count(0).check(z.maximum(SEED_MAX)),
  response_format: z.enum(RESPONSE_FORMATS),
  engine: z.enum(['local', 'friendli']),
  endpoint: z.nullable(text(500)),
  adapter: z.optional(z.nullable(text(200))),
  guidance_scale: z.optional(z.nullable(z.number().check(z.minimum(0), z.maximum(100)))),
  source: z.optional(inputSchema),
  controls: z.optional(z.array(z.object({ image: inputSchema, weight: z.number().check(z.minimum(0), z.maximum(1)) })).check(z.maxLength(8))),
  createdAt: z.number(),
  elapsedMs: z.number().check(z.minimum(0)),
  mime: z.enum(['image/png', 'image/jpeg', 'image/webp']),
  width: count(1),
  height: count(1),
  bytes: count(0),
});

/** The record as a gallery entry, or undefined when any field is missing or of the wrong kind. */
export function parseEntry(raw: unknown): GalleryEntry | undefined {
  const result = entrySchema.safeParse(withApiNames(raw));
  return result.success ? (result.data as GalleryEntry) : undefined;
}

/** An earlier version's record with `steps`/`format` renamed; any other value is left as it is. */
function withApiNames(raw: unknown): unknown {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return raw;
  const { steps, format, ...rest } = raw as Record<string, unknown>;
  return { ...(steps !== undefined ? { num_inference_steps: steps } : {}), ...(format !== undefined ? { response_format: format } : {}), ...rest };
}
