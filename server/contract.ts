// The app's own API contract, shared by the server and the browser: request schema, limits and
// response shapes, derived from the protocol (server/protocol/) so field names and bounds are the
// upstream's own and nothing is renamed on the way through.
import { z } from 'zod';
import { RESPONSE_FORMATS, SEED_MAX, type ResponseFormat } from './protocol/fields';
import { generationsRequestSchema } from './protocol/generations';

// The protocol's names the browser uses, from here so that it imports one module for the API.
export { RESPONSE_FORMATS, SEED_MAX, type ResponseFormat } from './protocol/fields';

/** Characters (UTF-16 code units) a prompt may hold; long enough for any real prompt. */
export const PROMPT_MAX_LENGTH = 2000;

export interface StepRange {
  min: number;
  max: number;
  default: number;
}

export type EngineName = 'local' | 'friendli';

/**
 * The body of `POST /api/generate`: the protocol's generations body, narrowed to the fields the
 * studio offers, to the server's configured step range, and to prompts fit to send, with messages
 * a person can act on. Unknown fields are refused rather than dropped.
 */
export function generateRequestSchema(steps: StepRange) {
  const stepsMessage = `num_inference_steps must be a whole number from ${steps.min} to ${steps.max}`;
  const offered = generationsRequestSchema.pick({ prompt: true, num_inference_steps: true, seed: true, response_format: true });
  return offered.extend({
    prompt: z
      .string({ error: 'prompt is required and must be text' })
      .refine((p) => p.trim().length > 0, 'prompt must not be blank')
      .refine((p) => p.length <= PROMPT_MAX_LENGTH, `prompt must be at most ${PROMPT_MAX_LENGTH} characters`)
      // Control characters (C0, DEL and C1) mean nothing in a prompt, and an unpaired surrogate
      // cannot be sent as UTF-8 at all: both are refused rather than silently changed on the way.
      .refine((p) => !/(?![\t\n\r])\p{Cc}/u.test(p), 'prompt must not contain control characters (line breaks and tabs are fine)')
      .refine((p) => p.isWellFormed(), 'prompt contains an unpaired surrogate, which is not valid Unicode text'),
    num_inference_steps: z
      .int({ error: stepsMessage })
      .min(steps.min, stepsMessage)
      .max(steps.max, stepsMessage)
      .optional(),
    seed: z
      .int({ error: `seed must be a whole number from 0 to ${SEED_MAX}` })
      .min(0, `seed must be a whole number from 0 to ${SEED_MAX}`)
      .max(SEED_MAX, `seed must be a whole number from 0 to ${SEED_MAX}`)
      .nullish(),
    response_format: z
      .enum(RESPONSE_FORMATS, { error: `response_format must be one of ${RESPONSE_FORMATS.join(', ')}` })
      .optional(),
  }).strict();
}

export type GenerateRequest = z.infer<ReturnType<typeof generateRequestSchema>>;

export interface GeneratedImage {
  id: string;
  /** Same-origin `/api/images/:id`. */
  url: string;
  /** The seed actually used, also when none was asked for. */
  seed: number;
  /** The steps and format asked for (the server's defaults when none were), as the request ran. */
  num_inference_steps: number;
  response_format: ResponseFormat;
  /** Read from the bytes' magic numbers, never from the label. */
  mime: ImageMime;
  bytes: number;
  width: number;
  height: number;
}

export type ImageMime = 'image/png' | 'image/jpeg' | 'image/webp';

/** The file extension for each image type the studio serves. */
export const MIME_EXTENSION: Record<ImageMime, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp' };

export interface GenerateResponse {
  engine: EngineName;
  elapsed_ms: number;
  /** Each carries the parameters it was made with, so the browser need not join them back. */
  images: GeneratedImage[];
}

export interface ErrorBody {
  error: { code: string; message: string; details?: string[]; retry_after_seconds?: number };
}
