// The local engine as a FriendliAI dedicated endpoint: a Hono sub-app speaking the same protocol
// (POST /dedicated/v1/images/generations and /edits, and GET for their `url` results). The studio
// calls it in-process; it is also served over HTTP under /local for any Friendli SDK. It speaks a
// Friendli Container's protocol too (POST /v1/images/generations and /edits, answered with one
// `{ image }`; `model` is an adapter route), with the same engine: the same request renders the
// same bytes under either protocol.
import { randomInt } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { parseJsonBytes } from '../http/image-body';
import type { ImageStore } from '../image-store';
import { CONTAINER_EDITS_PATH, CONTAINER_GENERATIONS_PATH, containerEditsRequestSchema, containerGenerationsRequestSchema } from '../protocol/container';
import { EDITS_PATH, editsRequestSchema } from '../protocol/edits';
import { CONTAINER_DEFAULT_FORMAT, CONTROLNET_WEIGHT_BOUNDS, DEFAULT_FORMAT, SEED_MAX, imageInput, numInferenceSteps, type ResponseFormat } from '../protocol/fields';
import { cappedList, clip } from '../protocol/limits';
import { GENERATIONS_PATH, generationsRequestSchema } from '../protocol/generations';
import { validationError } from '../protocol/validation-error';
import type { LocalEngine, LocalEngineRequest } from './engine';
import { ADAPTER_ROUTES, isAdapterRoute } from './adapters';
import { InvalidImageError, MAX_CONTROL_IMAGES, MAX_EDIT_IMAGES, decodeDataUrl, luminanceMap } from './guide';

const controlnetWeight = z.number().min(CONTROLNET_WEIGHT_BOUNDS.min).max(CONTROLNET_WEIGHT_BOUNDS.max);

/** The longest prompt the engine reads (the studio's own limit is 2000). */
export const ENGINE_PROMPT_MAX = 10_000;
/** The longest `model` it reads: an endpoint id and an adapter route. */
const MODEL_MAX = 256;

/**
 * What the engine accepts: the protocol's bodies, with or without `model`, and 4 steps when none
 * are given (the engine's own default, not the spec's 20: it paints a preview). Every list is
 * capped at the engine's own limits before its elements are looked at, and strings are bounded.
 */
const engineFields = {
  model: z.string().max(MODEL_MAX, `model must be at most ${MODEL_MAX} characters`).optional(),
  prompt: z.string().min(1, 'prompt must not be empty').max(ENGINE_PROMPT_MAX, `prompt must be at most ${ENGINE_PROMPT_MAX} characters`),
  num_inference_steps: numInferenceSteps.default(4),
};
const controlFields = {
  control_images: cappedList(imageInput, MAX_CONTROL_IMAGES, `control_images: this endpoint takes at most ${MAX_CONTROL_IMAGES}`).nullish(),
  controlnet_weights: cappedList(controlnetWeight, MAX_CONTROL_IMAGES, `controlnet_weights: one per control image, at most ${MAX_CONTROL_IMAGES}`).nullish(),
};
const editImage = { image: z.union([imageInput, cappedList(imageInput, MAX_EDIT_IMAGES, `image: at most ${MAX_EDIT_IMAGES} images`).refine((l) => l.length > 0, 'image must not be an empty list')]) };
const requestSchema = generationsRequestSchema.extend({ ...engineFields, ...controlFields });
const editSchema = editsRequestSchema.extend({ ...engineFields, ...editImage });
// The container's bodies, bounded the same way; its `model` may be null, as its spec says.
const containerModel = { model: engineFields.model.nullable() };
const containerRequestSchema = containerGenerationsRequestSchema.extend({ ...engineFields, ...containerModel, ...controlFields });
const containerEditSchema = containerEditsRequestSchema.extend({ ...engineFields, ...containerModel, ...editImage });

type Issue = { path: (string | number)[]; message: string; code: string };
/** A request the engine refuses after the schema: answered as a 422 in the API's own shape. */
class RequestProblem extends Error {
  constructor(readonly issue: Issue) {
    super(issue.message);
  }
}

/** `ENDPOINT_ID:ADAPTER_ROUTE` → the route (undefined without one); an unknown route is a problem. */
function adapterOf(model: string | undefined): LocalEngineRequest['adapter'] {
  const colon = model?.indexOf(':') ?? -1;
  if (!model || colon < 0) return undefined;
  const route = model.slice(colon + 1);
  if (isAdapterRoute(route)) return route;
  throw new RequestProblem({ path: ['model'], code: 'value_error', message: `unknown adapter route "${clip(route, 40)}": this endpoint has ${ADAPTER_ROUTES.join(', ')}` });
}

/** A container's `model`: the adapter route itself (none: the base model); an unknown route is a problem. */
function containerAdapterOf(model: string | null | undefined): LocalEngineRequest['adapter'] {
  if (!model) return undefined;
  if (isAdapterRoute(model)) return model;
  throw new RequestProblem({ path: ['model'], code: 'value_error', message: `unknown adapter route "${clip(model, 40)}": this container has ${ADAPTER_ROUTES.join(', ')}` });
}

/** An input image's data: URL as a luminance map; anything else is a problem naming the field. */
async function mapOf(url: string, path: (string | number)[]) {
  try {
    return await luminanceMap(decodeDataUrl(url));
  } catch (error) {
    if (error instanceof InvalidImageError) throw new RequestProblem({ path, code: 'value_error', message: `${path.join('.')} ${error.message}` });
    throw error;
  }
}

/** The body: over HTTP already read under the server's byte budget (http/image-body.ts); in-process, read here. */
async function readBody(c: Context): Promise<unknown> {
  const read = c.get('readBody');
  if (read && 'json' in read) return read.json;
  try {
    if (read) throw new Error('not JSON');
    return parseJsonBytes(Buffer.from(await c.req.arrayBuffer()));
  } catch {
    throw new RequestProblem({ path: [], message: 'JSON decode error', code: 'json_invalid' });
  }
}

type Fields = { prompt: string; num_inference_steps: number; guidance_scale?: number | null; seed?: number | null; response_format?: ResponseFormat | null };
type Extra = Omit<LocalEngineRequest, 'prompt' | 'seed' | 'num_inference_steps' | 'guidance_scale' | 'encoding'>;

/** The control images of a generations body as luminance maps with their weights (either protocol). */
async function controlsOf(body: { control_images?: { image: string }[] | null; controlnet_weights?: number[] | null }) {
  const images = body.control_images ?? [];
  const weights = body.controlnet_weights;
  if (weights && weights.length !== images.length) {
    throw new RequestProblem({ path: ['controlnet_weights'], code: 'value_error', message: `controlnet_weights has ${weights.length} weights for ${images.length} control images: give one per control image` });
  }
  const controls = [];
  for (const [i, { image }] of images.entries()) {
    const weight = weights?.[i] ?? 1;
    // A control image at weight 0 does nothing: not even decoded.
    if (weight > 0) controls.push({ map: await mapOf(image, ['control_images', i, 'image']), weight });
  }
  return controls;
}

/** An edit body's first source image as a luminance map (the engine edits the first of a list). */
function sourceOf(image: { image: string } | { image: string }[]) {
  const [first, path] = Array.isArray(image) ? [image[0]!, ['image', 0, 'image']] : [image, ['image', 'image']];
  return mapOf(first.image, path);
}

export function createLocalEngineApp(engine: LocalEngine, store: ImageStore) {
  /** Renders in the format asked for (`defaultFormat` when none is): the bytes, and the seed used. */
  async function render(c: Context, fields: Fields, extra: Extra, defaultFormat: ResponseFormat) {
    // As the real API does, a missing seed is chosen here (the dedicated protocol reports it back).
    const seed = fields.seed ?? randomInt(0, SEED_MAX);
    const format = fields.response_format ?? defaultFormat;
    const encoding = format === 'jpeg' || format === 'jpg' ? ('jpeg' as const) : ('png' as const);
    const bytes = await engine.generate({ prompt: fields.prompt, seed, num_inference_steps: fields.num_inference_steps, guidance_scale: fields.guidance_scale, encoding, ...extra }, c.req.raw.signal);
    return { bytes, seed, format, encoding };
  }

  /** Renders and answers as the dedicated protocol does, in the format asked for. */
  async function answer(c: Context, fields: Fields, extra: Extra) {
    const { bytes, seed, format, encoding } = await render(c, fields, extra, DEFAULT_FORMAT);
    if (format === 'url') {
      const id = await store.put({ bytes, mime: encoding === 'png' ? 'image/png' : 'image/jpeg' });
      // Relative to this request's own URL, so it is right under any mount prefix or host.
      return c.json({ data: [{ seed, response_format: format, url: new URL(`files/${id}`, c.req.url).href }] });
    }
    return c.json({ data: [{ seed, response_format: format, b64_json: bytes.toString('base64') }] });
  }

  /** Renders and answers as a Friendli Container does: `{ image }`, jpeg unless raw (PNG bytes) is asked for. */
  async function answerAsContainer(c: Context, fields: Fields, extra: Extra) {
    const { bytes } = await render(c, fields, extra, CONTAINER_DEFAULT_FORMAT);
    return c.json({ image: bytes.toString('base64') });
  }

  const refused = (c: Context, error: unknown) => {
    if (error instanceof RequestProblem) return c.json(validationError([error.issue]), 422);
    throw error;
  };

  /** One operation: its body read and checked against `schema` (a 422 in the protocol's shape otherwise), then answered. */
  const operation =
    <S extends z.ZodType>(schema: S, run: (c: Context, body: z.output<S>) => Promise<Response>) =>
    async (c: Context) => {
      try {
        const parsed = schema.safeParse(await readBody(c));
        if (!parsed.success) return c.json(validationError(parsed.error.issues), 422);
        return await run(c, parsed.data);
      } catch (error) {
        return refused(c, error);
      }
    };

  return new Hono()
    .post(GENERATIONS_PATH, operation(requestSchema, async (c, body) => answer(c, body, { controls: await controlsOf(body), adapter: adapterOf(body.model) })))
    .post(EDITS_PATH, operation(editSchema, async (c, body) => answer(c, body, { source: await sourceOf(body.image), adapter: adapterOf(body.model) })))
    .post(CONTAINER_GENERATIONS_PATH, operation(containerRequestSchema, async (c, body) => answerAsContainer(c, body, { controls: await controlsOf(body), adapter: containerAdapterOf(body.model) })))
    .post(CONTAINER_EDITS_PATH, operation(containerEditSchema, async (c, body) => answerAsContainer(c, body, { source: await sourceOf(body.image), adapter: containerAdapterOf(body.model) })))
    .get('/dedicated/v1/images/files/:id', async (c) => {
      const image = await store.get(c.req.param('id'));
      if (!image) return c.json({ detail: 'Not Found' }, 404);
      return c.body(image.bytes as Uint8Array<ArrayBuffer>, 200, { 'content-type': image.mime, 'cache-control': 'private, max-age=3600' });
    });
}
