// The schema pieces every stored record shares (gallery entries, plots, the generate journal): a
// request with its input images by reference, a group, a plot cell. One definition, so the three
// stores check a request the same way; zod/mini keeps the first paint's JavaScript small.
import * as z from 'zod/mini';
import { INPUT_IMAGE_MAX_SIDE, RESPONSE_FORMATS, SEED_MAX } from '@server/contract';

export const text = (max: number) => z.string().check(z.maxLength(max));
export const count = (min: number) => z.int().check(z.minimum(min));

export const groupSchema = z.object({
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
  width: count(1).check(z.maximum(INPUT_IMAGE_MAX_SIDE)),
  height: count(1).check(z.maximum(INPUT_IMAGE_MAX_SIDE)),
  entryId: z.optional(text(200)),
});

export const controlsSchema = z.array(z.object({ image: inputSchema, weight: z.number().check(z.minimum(0), z.maximum(1)) })).check(z.maxLength(8));

/** What a job sends (RequestParams): the plain fields, and its input images by reference. */
export const requestSchema = z.object({
  prompt: text(20_000),
  num_inference_steps: count(1),
  seed: z.optional(count(0).check(z.maximum(SEED_MAX))),
  response_format: z.enum(RESPONSE_FORMATS),
  endpoint: z.optional(text(500)),
  adapter: z.optional(text(200)),
  guidance_scale: z.optional(z.number().check(z.minimum(0), z.maximum(100))),
  source: z.optional(inputSchema),
  controls: z.optional(controlsSchema),
});
