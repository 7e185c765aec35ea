// The schema of `POST /api/generate`'s body: the protocol's generations body narrowed to what the
// studio offers and to the configured step range (the type is GenerateRequest in ../contract.ts).
import { z } from 'zod';
import { PROMPT_MAX_LENGTH, type StepRange } from '../contract';
import { RESPONSE_FORMATS, SEED_MAX } from '../protocol/fields';
import { generationsRequestSchema } from '../protocol/generations';

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
