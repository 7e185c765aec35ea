// Contract: the protocol's schemas accept what the official descriptions vendored beside them
// (friendli-images.openapi.yaml, dedicated; friendli-container-images.openapi.yaml, the Friendli
// Container) accept, for generations and edits, and hold the bounds they state in words. The client's requests and the engine's answers have their own contract tests.
import { describe, expect, it } from 'vitest';
import { containerSpecFields, containerSpecSchema, specSchema } from '../test/friendli-spec';
import { containerEditsRequestSchema, containerGenerationsRequestSchema, containerImageResponseSchema } from './container';
import { editsRequestSchema } from './edits';
import { STEPS_BOUNDS } from './fields';
import { generationsRequestSchema } from './generations';

const requestBody = specSchema('DedicatedImageGenerationBody');

// Each optional field alone, all of them, and none: what the schema accepts, the spec accepts too.
const image = { image: 'data:image/png;base64,iVBORw0KGgo=' };
const editsBase = { model: 'ep-1', prompt: 'add a red car', image };
const editsOptional = { num_inference_steps: 20, guidance_scale: 3.5, seed: 7, response_format: 'png' };
const generationsBase = { model: 'ep-1', prompt: 'a quiet lake' };
const generationsOptional = { ...editsOptional, control_images: [image], controlnet_weights: [0.5] };
/** The base body; with every optional field; with each alone; and with each nullable one null. */
const variants = (base: object, optional: Record<string, unknown>) => [
  base,
  { ...base, ...optional },
  ...Object.entries(optional).map(([key, value]) => ({ ...base, [key]: value })),
  ...Object.keys(optional)
    .filter((key) => key !== 'num_inference_steps') // the one optional field the spec does not let be null
    .map((key) => ({ ...base, [key]: null })),
];

describe('protocol schemas', () => {
  const editBody = specSchema('DedicatedImageEditBody');

  it.each([...variants(editsBase, editsOptional), { ...editsBase, image: [image, image] }])('accept the edits body %j, as the spec does', (body) => {
    expect(editsRequestSchema.safeParse(body).success).toBe(true);
    expect(editBody(body), JSON.stringify(editBody.errors)).toBe(true);
  });

  it.each(variants(generationsBase, generationsOptional))('accept the generations body %j, as the spec does', (body) => {
    expect(generationsRequestSchema.safeParse(body).success).toBe(true);
    expect(requestBody(body), JSON.stringify(requestBody.errors)).toBe(true);
  });

  it.each([
    ['no image', { model: 'ep-1', prompt: 'p' }],
    ['an image without its URL', { ...editsBase, image: {} }],
    ['a text image', { ...editsBase, image: 'https://example.com/a.png' }],
    ['no prompt', { model: 'ep-1', image }],
  ])('refuse an edits body with %s, as the spec does', (_, body) => {
    expect(editsRequestSchema.safeParse(body).success).toBe(false);
    expect(editBody(body)).toBe(false);
  });

  it('bound what the spec describes in words: steps 1 to 50, ControlNet weights 0 to 1', () => {
    for (const steps of [STEPS_BOUNDS.min - 1, STEPS_BOUNDS.max + 1, 2.5]) {
      expect(editsRequestSchema.safeParse({ ...editsBase, num_inference_steps: steps }).success).toBe(false);
      expect(generationsRequestSchema.safeParse({ ...generationsBase, num_inference_steps: steps }).success).toBe(false);
    }
    expect(STEPS_BOUNDS).toEqual({ min: 1, max: 50 });
    for (const weight of [-0.1, 1.1]) expect(generationsRequestSchema.safeParse({ ...generationsBase, controlnet_weights: [weight] }).success).toBe(false);
  });
});

describe('the Friendli Container schemas', () => {
  const generationsBody = containerSpecSchema('ContainerImageGenerationBody');
  const editBody = containerSpecSchema('ContainerImageEditBody');
  const result = containerSpecSchema('ImageGenerationContainerResult');
  const containerOptional = { num_inference_steps: 20, guidance_scale: 3.5, seed: 7, response_format: 'jpeg' };
  /** As variants() above, but the container's guidance_scale may not be null either. */
  const containerVariants = (base: object, optional: Record<string, unknown>) =>
    variants(base, optional).filter((body) => (body as { guidance_scale?: unknown }).guidance_scale !== null);

  it.each([...containerVariants({ prompt: 'a quiet lake' }, { ...containerOptional, model: 'watercolor', control_images: [image], controlnet_weights: [0.5] }), { prompt: 'p', response_format: 'raw' }])(
    'accept the generations body %j, as the spec does',
    (body) => {
      expect(containerGenerationsRequestSchema.safeParse(body).success).toBe(true);
      expect(generationsBody(body), JSON.stringify(generationsBody.errors)).toBe(true);
    },
  );

  it.each([...containerVariants({ prompt: 'add a red car', image }, { ...containerOptional, model: 'watercolor' }), { prompt: 'p', image: [image, image] }])('accept the edits body %j, as the spec does', (body) => {
    expect(containerEditsRequestSchema.safeParse(body).success).toBe(true);
    expect(editBody(body), JSON.stringify(editBody.errors)).toBe(true);
  });

  it.each([
    ['a url format', { prompt: 'p', response_format: 'url' }],
    ['a png format', { prompt: 'p', response_format: 'png' }],
    ['null guidance', { prompt: 'p', guidance_scale: null }],
    ['no prompt', { seed: 1 }],
  ])('refuse a generations body with %s, as the spec does', (_, body) => {
    expect(containerGenerationsRequestSchema.safeParse(body).success).toBe(false);
    expect(generationsBody(body)).toBe(false);
    expect(containerEditsRequestSchema.safeParse({ ...body, image }).success).toBe(false);
    expect(editBody({ ...body, image })).toBe(false);
  });

  it('name only fields the spec names, and read the answer it describes', () => {
    expect(Object.keys(containerGenerationsRequestSchema.shape).sort()).toEqual(containerSpecFields('ContainerImageGenerationBody').sort());
    expect(Object.keys(containerEditsRequestSchema.shape).sort()).toEqual(containerSpecFields('ContainerImageEditBody').sort());
    for (const answer of [{ image: 'aGVsbG8=' }, {}, { image: '' }, { data: [] }]) {
      expect(containerImageResponseSchema.safeParse(answer).success).toBe(result(answer) && answer.image !== '');
    }
  });
});
