// The protocol's field types and bounds, each written once (from friendli-images.openapi.yaml):
// the client, the local engine and the app's own contract all build their bodies from these.
import { z } from 'zod';

/** "Supported range: [1, 50]" for num_inference_steps, in both generations and edits. */
export const STEPS_BOUNDS = { min: 1, max: 50 } as const;
/** Seeds are unsigned 32-bit integers: the largest the engines accept. */
export const SEED_MAX = 4_294_967_295;
/** Each ControlNet weight: 0 disables it, 1 applies it fully. */
export const CONTROLNET_WEIGHT_BOUNDS = { min: 0, max: 1 } as const;

export const RESPONSE_FORMATS = ['url', 'raw', 'png', 'jpeg', 'jpg'] as const;
export type ResponseFormat = (typeof RESPONSE_FORMATS)[number];
/** What the protocol answers with when no response_format is given. */
export const DEFAULT_FORMAT: ResponseFormat = 'url';

export const responseFormat = z.enum(RESPONSE_FORMATS);
export const numInferenceSteps = z.int('num_inference_steps must be an integer').min(STEPS_BOUNDS.min).max(STEPS_BOUNDS.max);
export const seed = z.int('seed must be an integer').min(0).max(SEED_MAX);

/** An input image: a URL or a data: URL (up to 50 MiB, as the spec says). */
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
