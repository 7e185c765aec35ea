// The protocol's field types and bounds, each written once (from friendli-images.openapi.yaml):
// the client, the local engine and the app's own contract all build their bodies from these.
import { z } from 'zod';

import { RESPONSE_FORMATS, SEED_MAX, STEPS_BOUNDS } from './bounds';

export { CONTAINER_DEFAULT_FORMAT, CONTAINER_FORMATS, CONTROLNET_WEIGHT_BOUNDS, DEFAULT_FORMAT, RESPONSE_FORMATS, SEED_MAX, STEPS_BOUNDS, type ResponseFormat } from './bounds';

export const responseFormat = z.enum(RESPONSE_FORMATS);
export const numInferenceSteps = z.int('num_inference_steps must be an integer').min(STEPS_BOUNDS.min).max(STEPS_BOUNDS.max);
export const seed = z.int('seed must be an integer').min(0).max(SEED_MAX);

/** An input image: a URL or a data: URL (up to INPUT_IMAGE_MAX_BYTES, as the spec says). */
export const imageInput = z.object({ image: z.string().min(1) });
export type ImageInput = z.infer<typeof imageInput>;

/** Fields every request body shares, generations and edits alike. */
export const commonBody = {
  /** Required by today's API, absent from the product's older one: optional here, sent when configured. */
  model: z.string().min(1).optional(),
  prompt: z.string().min(1, 'prompt must not be empty'),
  num_inference_steps: numInferenceSteps.optional(),
  guidance_scale: z.number().nullish(),
  seed: seed.nullish(),
  response_format: responseFormat.nullish(),
};
