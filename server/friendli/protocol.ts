// FriendliAI's dedicated image generation protocol (server/protocol/friendli-images.openapi.yaml) as
// zod schemas: what the client sends and accepts, and what the local engine accepts and answers.
import { z } from 'zod';
import { RESPONSE_FORMATS, SEED_MAX } from '../contract';

export const GENERATIONS_PATH = '/dedicated/v1/images/generations';

const responseFormat = z.enum(RESPONSE_FORMATS);

/** The request body. `model` is required by today's API and absent from the product's older one. */
export const friendliRequestSchema = z.object({
  model: z.string().min(1).optional(),
  prompt: z.string().min(1),
  num_inference_steps: z.int().min(1).max(50).optional(),
  guidance_scale: z.number().nullish(),
  seed: z.int().min(0).max(SEED_MAX).nullish(),
  response_format: responseFormat.nullish(),
});
export type FriendliRequest = z.infer<typeof friendliRequestSchema>;

const urlItem = z.object({ seed: z.int(), response_format: responseFormat, url: z.string().min(1) });
const b64Item = z.object({ seed: z.int(), response_format: responseFormat, b64_json: z.string().min(1) });
export type FriendliImageItem = z.infer<typeof urlItem> | z.infer<typeof b64Item>;

export const friendliResponseSchema = z.object({ data: z.array(z.union([urlItem, b64Item])) });

/** FastAPI's validation error body, as FriendliAI sends it with a 422. */
export const validationErrorSchema = z.object({
  detail: z.array(z.object({ loc: z.array(z.union([z.string(), z.number()])).optional(), msg: z.string() })),
});
