// The schemas of `POST /api/generate` and `POST /api/edit`: the protocol's bodies narrowed to what
// the studio offers and to the chosen endpoint's capabilities (types in ../contract.ts, which
// imports them from here: nothing here imports the contract or the routes).
import { z } from 'zod';
import { editsRequestSchema } from './edits';
import { CONTROLNET_WEIGHT_BOUNDS, RESPONSE_FORMATS, SEED_MAX } from './fields';
import { generationsRequestSchema } from './generations';
import { inputImageSchema } from './input-image';
import { cappedList } from './limits';
import { PROMPT_MAX_LENGTH, type EndpointInfo } from './studio';

/** How many source images one edit may carry (a longer list is refused by its length alone). */
export const EDIT_IMAGES_MAX = 4;

/** The fields both routes share, checked against the endpoint's capabilities. */
function sharedFields(endpoint: EndpointInfo) {
  const { steps, guidance_range: guidance } = endpoint;
  const stepsMessage = `num_inference_steps must be a whole number from ${steps.min} to ${steps.max}`;
  const adapterMessage = endpoint.adapters.length
    ? `adapter must be one of endpoint ${endpoint.id}'s adapters: ${endpoint.adapters.join(', ')}`
    : `adapter: endpoint ${endpoint.id} has no adapters`;
  return {
    endpoint: z.string().optional(),
    adapter: z
      .string({ error: adapterMessage })
      .refine((a) => endpoint.adapters.includes(a), adapterMessage)
      .nullish(),
    prompt: z
      .string({ error: 'prompt is required and must be text' })
      // The length first, and alone: a long prompt is not scanned by the rules after it.
      .max(PROMPT_MAX_LENGTH, { message: `prompt must be at most ${PROMPT_MAX_LENGTH} characters`, abort: true })
      .refine((p) => p.trim().length > 0, 'prompt must not be blank')
      // Control characters (C0, DEL and C1) mean nothing in a prompt, and an unpaired surrogate
      // cannot be sent as UTF-8 at all: both are refused rather than silently changed on the way.
      .refine((p) => !/(?![\t\n\r])\p{Cc}/u.test(p), 'prompt must not contain control characters (line breaks and tabs are fine)')
      .refine((p) => p.isWellFormed(), 'prompt contains an unpaired surrogate, which is not valid Unicode text'),
    num_inference_steps: z
      .int({ error: stepsMessage })
      .min(steps.min, stepsMessage)
      .max(steps.max, stepsMessage)
      .optional(),
    guidance_scale: guidance
      ? z
          .number({ error: `guidance_scale must be a number from ${guidance.min} to ${guidance.max}, or null` })
          .min(guidance.min, `guidance_scale must be a number from ${guidance.min} to ${guidance.max}, or null`)
          .max(guidance.max, `guidance_scale must be a number from ${guidance.min} to ${guidance.max}, or null`)
          .nullish()
      : z.null({ error: `guidance_scale: endpoint ${endpoint.id} does not take guidance` }).optional(),
    seed: z
      .int({ error: `seed must be a whole number from 0 to ${SEED_MAX}` })
      .min(0, `seed must be a whole number from 0 to ${SEED_MAX}`)
      .max(SEED_MAX, `seed must be a whole number from 0 to ${SEED_MAX}`)
      .nullish(),
    // What the endpoint answers with: every format of the protocol, or a container's raw and jpeg.
    response_format: z
      .enum(RESPONSE_FORMATS, { error: `response_format must be one of ${RESPONSE_FORMATS.join(', ')}` })
      .refine((f) => endpoint.formats.includes(f), `response_format: endpoint ${endpoint.id}${endpoint.kind === 'container' ? ' (a Friendli Container)' : ''} answers with ${endpoint.formats.join(' or ')} only`)
      .optional(),
  };
}

/**
 * The body of `POST /api/generate` for one endpoint: the protocol's generations body, narrowed to
 * the fields the studio offers, the endpoint's ranges, and prompts fit to send, with messages a
 * person can act on. Unknown fields are refused rather than dropped.
 */
export function generateRequestSchema(endpoint: EndpointInfo, imageInputBytes: number) {
  const limit = endpoint.control_images;
  const tooMany = limit ? `control_images: endpoint ${endpoint.id} takes at most ${limit}` : `control_images: endpoint ${endpoint.id} takes no control images`;
  const weight = `each weight must be a number from ${CONTROLNET_WEIGHT_BOUNDS.min} to ${CONTROLNET_WEIGHT_BOUNDS.max}`;
  const offered = generationsRequestSchema.pick({ prompt: true, num_inference_steps: true, guidance_scale: true, seed: true, response_format: true, control_images: true, controlnet_weights: true });
  return offered
    .extend({
      ...sharedFields(endpoint),
      // Both lists are capped at the endpoint's limit before any element is looked at.
      control_images: cappedList(inputImageSchema(imageInputBytes), limit, tooMany, 'control_images must be a list of {image} objects').nullish(),
      controlnet_weights: cappedList(
        z.number({ error: weight }).min(CONTROLNET_WEIGHT_BOUNDS.min, weight).max(CONTROLNET_WEIGHT_BOUNDS.max, weight),
        limit,
        `controlnet_weights must hold one weight per control image, and endpoint ${endpoint.id} takes ${limit ? `at most ${limit}` : 'none'}`,
        'controlnet_weights must be a list of numbers',
      ).nullish(),
    })
    .strict()
    .superRefine((body, ctx) => {
      const images = body.control_images?.length ?? 0;
      const weights = body.controlnet_weights?.length ?? 0;
      if (weights && weights !== images) {
        ctx.addIssue({ code: 'custom', path: ['controlnet_weights'], message: `controlnet_weights must hold one weight per control image (${images}), not ${weights}` });
      }
    });
}

/** The body of `POST /api/edit` for one endpoint: the protocol's edits body, narrowed likewise. */
export function editRequestSchema(endpoint: EndpointInfo, imageInputBytes: number) {
  const image = inputImageSchema(imageInputBytes);
  const images = cappedList(image, EDIT_IMAGES_MAX, `image: at most ${EDIT_IMAGES_MAX} images`, 'image is required: {image: "data:…"} or a list of them').refine((list) => list.length > 0, 'image must not be an empty list');
  const offered = editsRequestSchema.pick({ prompt: true, image: true, num_inference_steps: true, guidance_scale: true, seed: true, response_format: true });
  return offered
    .extend({
      ...sharedFields(endpoint),
      // One {image} or a list of them; one is read as a list of one.
      image: z.preprocess<unknown, typeof images, z.input<typeof image> | z.input<typeof image>[]>((v) => (v !== null && typeof v === 'object' && !Array.isArray(v) ? [v] : v), images),
    })
    .strict();
}
