// A Friendli Container's two operations (friendli-container-images.openapi.yaml):
// POST /v1/images/generations and /v1/images/edits. Their bodies are the dedicated ones
// (generations.ts, edits.ts) narrowed where the container differs, not written again: `model`
// names an adapter route (not an endpoint), `response_format` is `raw` or `jpeg` only, and
// guidance_scale is a number or absent (never null). The answer is one `{ "image": "<base64>" }`,
// with no seed in it: the caller sends the seed it wants reported.
import { z } from 'zod';
import { CONTAINER_FORMATS } from './bounds';
import { editsRequestSchema } from './edits';
import { generationsRequestSchema } from './generations';

export const CONTAINER_GENERATIONS_PATH = '/v1/images/generations';
export const CONTAINER_EDITS_PATH = '/v1/images/edits';

export const containerResponseFormat = z.enum(CONTAINER_FORMATS);

/** Where the container's bodies differ from the dedicated ones. */
const containerFields = {
  /** An adapter route, or absent for the base model. */
  model: z.string().min(1).nullish(),
  guidance_scale: z.number().optional(),
  response_format: containerResponseFormat.nullish(),
};

export const containerGenerationsRequestSchema = generationsRequestSchema.extend(containerFields);
export type ContainerGenerationsRequest = z.infer<typeof containerGenerationsRequestSchema>;

export const containerEditsRequestSchema = editsRequestSchema.extend(containerFields);
export type ContainerEditsRequest = z.infer<typeof containerEditsRequestSchema>;

/** The answer to both operations (the spec's ImageGenerationContainerResult). */
export const containerImageResponseSchema = z.object({ image: z.string().min(1) });
