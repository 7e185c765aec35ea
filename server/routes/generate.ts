// POST /generate and POST /edit: validate the body against the chosen endpoint's capabilities,
// call the upstream through the one client, and turn every result (b64 or url) into bytes in the
// image store behind a same-origin URL.
import { zValidator } from '@hono/zod-validator';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import type { z } from 'zod';
import type { AuthEnv } from '../auth/guard';
import type { EndpointInfo, GenerateResponse, GeneratedImage } from '../contract';
import type { Config } from '../config';
import { AppError, type Logger } from '../errors';
import type { Shares } from '../team/shares';
import type { Usage } from '../team/usage';
import type { ClientFor } from '../friendli/upstreams';
import type { ImageStore } from '../image-store';
import type { Limiter } from '../http/limiter';
import { invalid, refuseInvalid } from '../http/invalid';
import { firstProblems, moreProblems } from '../protocol/limits';
import type { ImageItem } from '../protocol/generations';
import { editRequestSchema, generateRequestSchema } from '../protocol/studio-requests';
import { sniffImage } from '../sniff';

export interface GenerateRouteDeps {
  config: Config;
  /** The client that speaks to an endpoint (its own for a container endpoint). */
  clientFor: ClientFor;
  store: ImageStore;
  /** The per-client rate limit and the server-wide upstream limiter, shared with /local. */
  rateLimit: MiddlewareHandler;
  limiter: Limiter;
  /** Reads the body under the server's byte budget (http/image-body.ts), shared with /local. */
  readImageBody: MiddlewareHandler;
  /** Each user's fair share (with accounts) and the usage record; absent without a database. */
  shares?: Shares;
  usage?: Usage;
  logger?: Logger;
}

/** At most 10 ids, for a message (FRIENDLI_ENDPOINTS may list up to 100). */
const someIds = (endpoints: readonly EndpointInfo[]) => {
  const { shown, more } = firstProblems(endpoints);
  return `${shown.map((e) => e.id).join(', ')}${more ? ` (${moreProblems(more)})` : ''}`;
};

/** The endpoint the body names (the first when none), or a 400 naming `endpoint`. */
function chooseEndpoint(config: Config, body: unknown): EndpointInfo {
  const asked = body !== null && typeof body === 'object' ? (body as { endpoint?: unknown }).endpoint : undefined;
  if (asked === undefined || asked === null) return config.endpoints[0]!;
  const found = typeof asked === 'string' ? config.endpoints.find((e) => e.id === asked) : undefined;
  if (!found) {
    // Not cut short like an echo: at most 10 ids of at most 64 characters, from the configuration.
    const message = `endpoint must be one of: ${someIds(config.endpoints)}`;
    throw new AppError(400, 'invalid_request', message, { details: [message] });
  }
  return found;
}

/**
 * The body http/image-body.ts read and parsed (once, under the server's byte budget), handed to
 * Hono's validator as `c.req.json()` so that the stream is not read again; not JSON: a 400.
 */
const parsedBody: MiddlewareHandler = async (c, next) => {
  const read = c.get('readBody');
  if (!read || !('json' in read)) throw new AppError(400, 'invalid_json', 'The request body is not valid JSON.');
  c.req.json = <T>() => Promise.resolve(read.json as T);
  await next();
};

/**
 * For Hono's validator: the schema built for the body's endpoint (built once per endpoint) does
 * the validating. The schemas differ in their bounds, not in their types: the first endpoint's
 * types the route, and through AppType the browser's request body.
 */
function perEndpoint<S extends z.ZodType>(config: Config, build: (e: EndpointInfo) => S, refuse?: (e: EndpointInfo) => string | undefined) {
  const schemas = new Map(config.endpoints.map((e) => [e.id, build(e)]));
  return {
    schema: schemas.get(config.endpoints[0]!.id)!,
    options: {
      validationFunction: (_: unknown, raw: unknown) => {
        if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw invalid([{ path: [], message: 'The request body must be a JSON object.' }]);
        const endpoint = chooseEndpoint(config, raw);
        const refusal = refuse?.(endpoint);
        if (refusal) throw invalid([{ path: [], message: refusal }]);
        // Async: input images are decoded (off the event loop) to know that they are whole.
        return schemas.get(endpoint.id)!.safeParseAsync(raw);
      },
    },
  };
}

/** What one upstream call is asked, generations and edits alike. */
interface UpstreamFields {
  prompt: string;
  num_inference_steps?: number;
  guidance_scale?: number | null;
  seed?: number | null;
  response_format?: GeneratedImage['response_format'];
}

/**
 * The one upstream body: what the browser left out, the route fills in from the endpoint's
 * defaults (the only place the server does), and guidance_scale and seed are sent only when set.
 */
function upstreamBody<E extends object>(endpoint: EndpointInfo, fields: UpstreamFields, extra: E) {
  return {
    prompt: fields.prompt,
    num_inference_steps: fields.num_inference_steps ?? endpoint.steps.default,
    ...(fields.guidance_scale != null ? { guidance_scale: fields.guidance_scale } : {}),
    ...(fields.seed != null ? { seed: fields.seed } : {}),
    response_format: fields.response_format ?? endpoint.default_format,
    ...extra,
  };
}

/** What an image was made with, as the request ran (the server's defaults filled in). */
type RanWith = { num_inference_steps: number; response_format: GeneratedImage['response_format']; guidance_scale?: number };

export function generateRoutes({ config, clientFor, store, rateLimit, limiter, readImageBody, shares, usage, logger }: GenerateRouteDeps) {
  const generate = perEndpoint(config, (e) => generateRequestSchema(e, config.imageInputBytes));
  const edit = perEndpoint(
    config,
    (e) => editRequestSchema(e, config.imageInputBytes),
    (e) => (e.edit ? undefined : `endpoint ${e.id} does not take edits`),
  );
  const validGenerate = zValidator('json', generate.schema, refuseInvalid, generate.options);
  const validEdit = zValidator('json', edit.schema, refuseInvalid, edit.options);
  const endpointOf = (id: string | undefined) => chooseEndpoint(config, { endpoint: id });
  // A container's `model` is the adapter route alone (none: the base model); a dedicated one's, the endpoint id.
  const modelFor = (endpoint: EndpointInfo, adapter: string | null | undefined) =>
    endpoint.kind === 'container' ? (adapter ? { model: adapter } : {}) : config.sendModel ? { model: adapter ? `${endpoint.id}:${adapter}` : endpoint.id } : {};

  /** Runs one upstream call and stores its images, each with the parameters it was made with. */
  async function answer(c: Context<AuthEnv>, endpoint: EndpointInfo, adapter: string | null | undefined, request: RanWith, call: (signal: AbortSignal) => Promise<ImageItem[]>) {
    const signal = c.req.raw.signal;
    const user = c.get('user');
    // A user's fair share (with accounts): refused with a 429 before it waits for a turn.
    const finish = shares && user && config.auth.mode !== 'none' ? await shares.admit(user.id, endpoint.id, 1) : undefined;
    const started = performance.now();
    let outcome = 'ok';
    let stored: GeneratedImage[] = [];
    try {
      const items = await limiter.run(() => call(signal), signal, { user: user?.id, endpoint: endpoint.id });
      stored = await storeImages(c, endpoint, adapter, request, items, signal);
    } catch (err) {
      outcome = err instanceof AppError ? err.code : 'internal';
      throw err;
    } finally {
      const durationMs = Math.round(performance.now() - started);
      await finish?.(outcome === 'ok').catch((err: Error) => logger?.warn('a job could not be marked finished', { error: err.message }));
      // Every upstream call, recorded for the Usage page; a failed write never costs the image.
      if (usage && user) {
        const first = stored[0];
        await usage
          .record({
            user_id: user.id,
            endpoint: endpoint.id,
            adapter: adapter ?? null,
            kind: c.req.path.endsWith('/edit') ? 'edit' : 'generate',
            steps: request.num_inference_steps,
            width: first?.width ?? null,
            height: first?.height ?? null,
            response_format: request.response_format,
            images: stored.length,
            duration_ms: durationMs,
            outcome,
            bytes: stored.reduce((sum, i) => sum + i.bytes, 0),
          })
          .catch((err: Error) => logger?.warn('a usage record could not be written', { error: err.message }));
      }
    }
    const response: GenerateResponse = { engine: config.engine, elapsed_ms: Math.round(performance.now() - started), images: stored };
    return c.json(response);
  }

  /** Stores an answer's images, each with the parameters it was made with. */
  async function storeImages(c: Context<AuthEnv>, endpoint: EndpointInfo, adapter: string | null | undefined, request: RanWith, items: ImageItem[], signal: AbortSignal) {
    return Promise.all(
      items.map(async (item): Promise<GeneratedImage> => {
        // Only a URL the upstream itself returned is ever fetched: this is not an open proxy.
        const bytes = 'b64_json' in item ? Buffer.from(item.b64_json, 'base64') : await clientFor(endpoint).download(item.url, signal);
        const info = sniffImage(bytes);
        if (!info) throw new AppError(502, 'upstream_bad_response', 'FriendliAI returned bytes that are not a PNG, JPEG or WebP image.');
        const id = await store.put({ bytes, mime: info.mime }, c.get('user')?.id);
        return {
          id,
          url: `/api/images/${id}`,
          seed: item.seed,
          num_inference_steps: request.num_inference_steps,
          response_format: request.response_format,
          endpoint: endpoint.id,
          adapter: adapter ?? null,
          guidance_scale: request.guidance_scale ?? null,
          bytes: bytes.byteLength,
          ...info,
        };
      }),
    );
  }

  return new Hono<AuthEnv>()
    .post('/generate', rateLimit, readImageBody, parsedBody, validGenerate, async (c) => {
      const body = c.req.valid('json');
      const endpoint = endpointOf(body.endpoint);
      const controls = body.control_images?.length ? { control_images: body.control_images, ...(body.controlnet_weights?.length ? { controlnet_weights: body.controlnet_weights } : {}) } : {};
      const request = upstreamBody(endpoint, body, controls);
      return answer(c, endpoint, body.adapter, request, (signal) => clientFor(endpoint).generate({ ...modelFor(endpoint, body.adapter), ...request }, signal));
    })
    .post('/edit', rateLimit, readImageBody, parsedBody, validEdit, async (c) => {
      const body = c.req.valid('json');
      const endpoint = endpointOf(body.endpoint);
      // One source is sent as one {image}, as the protocol's simplest form; several as a list.
      const request = upstreamBody(endpoint, body, { image: body.image.length === 1 ? body.image[0]! : body.image });
      return answer(c, endpoint, body.adapter, request, (signal) => clientFor(endpoint).edit({ ...modelFor(endpoint, body.adapter), ...request }, signal));
    });
}
