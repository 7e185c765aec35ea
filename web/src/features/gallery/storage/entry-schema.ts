// The one schema a gallery record must pass, wherever it comes from (IndexedDB or an imported zip):
// every field checked, unknown fields dropped. zod/mini keeps the first paint's JavaScript small.
// Records and zips from earlier versions say `steps` and `format`: they are read under the API's names.
import * as z from 'zod/mini';
import { RESPONSE_FORMATS, SEED_MAX } from '@server/contract';
import type { GalleryEntry } from '@/lib/params';
import { cellSchema, controlsSchema, count, groupSchema, inputSchema, text } from '@/lib/request-schema';

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
  controls: z.optional(controlsSchema),
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
