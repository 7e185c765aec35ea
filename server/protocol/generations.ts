// POST /dedicated/v1/images/generations: the request body and the answer (whose items edits share).
import { z } from 'zod';
import { CONTROLNET_WEIGHT_BOUNDS, commonBody, imageInput, responseFormat } from './fields';

export const GENERATIONS_PATH = '/dedicated/v1/images/generations';

export const generationsRequestSchema = z.object({
  ...commonBody,
  control_images: z.array(imageInput).nullish(),
  controlnet_weights: z.array(z.number().min(CONTROLNET_WEIGHT_BOUNDS.min).max(CONTROLNET_WEIGHT_BOUNDS.max)).nullish(),
});
export type GenerationsRequest = z.infer<typeof generationsRequestSchema>;

const urlItem = z.object({ seed: z.int(), response_format: responseFormat, url: z.string().min(1) });
const b64Item = z.object({ seed: z.int(), response_format: responseFormat, b64_json: z.string().min(1) });
export type ImageItem = z.infer<typeof urlItem> | z.infer<typeof b64Item>;

/** The answer to generations and edits alike (the spec's ImageGenerationDedicatedResult). */
export const imagesResponseSchema = z.object({ data: z.array(z.union([urlItem, b64Item])) });
