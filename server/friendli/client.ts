// FriendliClient: the one code path that speaks FriendliAI's image protocols: the dedicated one,
// to FriendliAI or to the local engine alike, and a Friendli Container's (`protocol: 'container'`:
// POST /v1/images/generations and /edits, answered with one `{ image }`). Auth, team, timeouts,
// abort, bounded retries (never a POST that may have been received), bodies read under a byte cap,
// and clear errors with no secret, the same for both: only the paths, the body's narrowing and the
// answer's reading differ, and a container's answer is handed back as the dedicated protocol's item.
import { isAscii } from 'node:buffer';
import { randomInt } from 'node:crypto';
import type { z } from 'zod';
import { AppError, silentLogger, type Logger } from '../errors';
import { CONTAINER_EDITS_PATH, CONTAINER_GENERATIONS_PATH, containerEditsRequestSchema, containerGenerationsRequestSchema, containerImageResponseSchema } from '../protocol/container';
import { EDITS_PATH, editsRequestSchema, type EditsRequest } from '../protocol/edits';
import { CONTAINER_DEFAULT_FORMAT, SEED_MAX } from '../protocol/fields';
import { GENERATIONS_PATH, generationsRequestSchema, imagesResponseSchema, type GenerationsRequest, type ImageItem } from '../protocol/generations';
import type { EndpointKind } from '../protocol/studio';
import { checkImageUrl } from './image-url-policy';
import { createRetrier } from './retry';
import { createPublicFetch, networkCode, readCapped, BodyTooLarge, type Fetch } from './transport';
import { FRIENDLI_NAMES, cancelled, errorFromResponse, type UpstreamNames } from './upstream-errors';

export interface FriendliClientOptions {
  baseUrl: string;
  /** The protocol spoken at baseUrl: FriendliAI's dedicated one (the default), or a Friendli Container's. */
  protocol?: EndpointKind;
  /** How messages name the upstream and the settings to check (FriendliAI's by default). */
  names?: UpstreamNames;
  token?: string;
  team?: string;
  /** The endpoint id, sent as `model` only when set (the product's original API has none). */
  model?: string;
  /** Handed in for the in-process local engine and for tests; the global fetch otherwise. */
  fetch?: Fetch;
  /** Fetches `url` results beyond the base URL's origin; by default one that connects to public addresses only. */
  publicFetch?: Fetch;
  /** FRIENDLI_IMAGE_HOSTS: when not empty, the only hosts beyond the base origin that images come from. */
  imageHosts?: readonly string[];
  timeoutMs?: number;
  maxRetries?: number;
  retryBaseMs?: number;
  retryMaxMs?: number;
  /** No request, with all its retries and waits, runs longer than this. */
  totalTimeoutMs?: number;
  /** Largest response body accepted, JSON or image, counted as it arrives (after decompression). */
  maxResponseBytes?: number;
  /** How much of an error body is read (the rest is never read). */
  maxErrorBodyBytes?: number;
  logger?: Logger;
  random?: () => number;
}

export function createFriendliClient(options: FriendliClientOptions) {
  const {
    baseUrl,
    token,
    team,
    model,
    timeoutMs = 120_000,
    maxRetries = 3,
    retryBaseMs = 500,
    retryMaxMs = 8000,
    totalTimeoutMs = 180_000,
    maxResponseBytes = 64 * 1024 * 1024,
    maxErrorBodyBytes = 64 * 1024,
    imageHosts = [],
    logger = silentLogger,
    random = Math.random,
  } = options;
  const doFetch: Fetch = options.fetch ?? fetch;
  let publicFetch = options.publicFetch;
  const secrets = token ? [token] : [];
  const names = options.names ?? FRIENDLI_NAMES;
  const upstream = names.name;
  const protocol = options.protocol ?? 'dedicated';

  const withRetries = createRetrier({
    fetch: doFetch,
    timeoutMs,
    maxRetries,
    retryBaseMs,
    retryMaxMs,
    totalTimeoutMs,
    maxErrorBodyBytes,
    secrets,
    logger,
    random,
    names,
  });
  const errorFrom = (response: Response) => errorFromResponse(response, { maxBodyBytes: maxErrorBodyBytes, secrets, names });

  /** The whole body, counted as it arrives: the read stops (and the connection with it) at the cap. */
  async function readBody(response: Response, signal: AbortSignal | undefined): Promise<Uint8Array> {
    const declared = Number(response.headers.get('content-length'));
    try {
      if (declared > maxResponseBytes) throw new BodyTooLarge();
      return await readCapped(response, maxResponseBytes);
    } catch (err) {
      if (err instanceof BodyTooLarge) {
        await response.body?.cancel().catch(() => {});
        throw tooLarge();
      }
      if (signal?.aborted) throw cancelled(names);
      throw new AppError(502, 'upstream_bad_response', `${upstream}'s response broke off before it was complete: ${networkCode(err)}.`);
    }
  }

  const tooLarge = () => new AppError(502, 'upstream_bad_response', `${upstream} sent more than ${maxResponseBytes} bytes; refusing it.`);

  const imageUnavailable = () => new AppError(502, 'upstream_image_unavailable', `The image ${upstream} returned could not be fetched.`);

  /** One POST of the protocol (generations or edits), its answer's JSON: never repeated once it may have been received. */
  async function post(path: string, body: object, signal: AbortSignal | undefined): Promise<unknown> {
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    if (team) headers['x-friendli-team'] = team;
    // redirect: 'manual': a redirect answer is an error (upstream-errors.ts), never followed, so
    // the body and the team header go nowhere but the base URL.
    // Sent as bytes: fetch encodes a string body with TextEncoder, which for a 10 MiB image takes
    // hundreds of milliseconds of the event loop; Buffer.from does the same in a few.
    const response = await withRetries(`${baseUrl}${path}`, { method: 'POST', headers, body: Buffer.from(JSON.stringify(body)), redirect: 'manual' }, signal);
    if (!response.ok) {
      // The browser left (the local engine answers its abort with 499): a cancel, not an upstream fault.
      if (signal?.aborted) {
        await response.body?.cancel().catch(() => {});
        throw cancelled(names);
      }
      throw await errorFrom(response);
    }
    const bytes = await readBody(response, signal);
    let json: unknown;
    try {
      // A b64 answer is megabytes of ASCII: read as latin1 it becomes a one-byte string at memcpy
      // speed, where UTF-8 decoding costs ~13 ms a response. Any other text is decoded as UTF-8.
      const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      json = JSON.parse(isAscii(buffer) ? buffer.toString('latin1') : buffer.toString('utf8'));
    } catch {
      throw new AppError(502, 'upstream_bad_response', `${upstream} sent a response that is not valid JSON.`);
    }
    return json;
  }

  /** The answer read by the protocol's schema, or a 502 saying how it does not match. */
  function answerOf<S extends z.ZodType>(schema: S, json: unknown): z.infer<S> {
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      throw new AppError(502, 'upstream_bad_response', `${upstream} sent a response that does not match its protocol: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ')}`);
    }
    return parsed.data;
  }

  /** A dedicated POST: its `data` list, of exactly one image. */
  async function postDedicated(path: string, body: GenerationsRequest | EditsRequest, signal: AbortSignal | undefined): Promise<ImageItem[]> {
    const parsed = { data: answerOf(imagesResponseSchema, await post(path, body, signal)) };
    if (parsed.data.data.length === 0) throw new AppError(502, 'upstream_bad_response', `${upstream} answered with no images.`);
    // One request asks for one image (the protocol has no count): more is refused, not trimmed.
    if (parsed.data.data.length > 1) {
      throw new AppError(502, 'upstream_bad_response', `${upstream} answered with ${parsed.data.data.length} images to a request for one; refusing the answer.`);
    }
    return parsed.data.data;
  }

  /**
   * A container POST. Its body is the dedicated one narrowed (protocol/container.ts): a format or a
   * null guidance it cannot take is refused here, never dropped; the endpoint id is not sent (its
   * `model` is an adapter route, which the caller gives). Its answer has no seed, so a seed is
   * always sent (chosen here when none was asked for) and reported back, as the dedicated item does.
   */
  async function postContainer<S extends typeof containerGenerationsRequestSchema | typeof containerEditsRequestSchema>(path: string, schema: S, params: GenerationsRequest | EditsRequest, signal: AbortSignal | undefined): Promise<ImageItem[]> {
    const wanted = { ...params, seed: params.seed ?? randomInt(0, SEED_MAX) };
    const body = schema.safeParse(wanted);
    if (!body.success) {
      const problems = body.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
      throw new AppError(400, 'invalid_request', `${upstream} speaks the Friendli Container protocol, which does not take this request: ${problems}`);
    }
    const { image } = answerOf(containerImageResponseSchema, await post(path, body.data, signal));
    return [{ seed: wanted.seed, response_format: body.data.response_format ?? CONTAINER_DEFAULT_FORMAT, b64_json: image }];
  }

  return {
    /**
     * Generates images; returns the protocol's items as the upstream sent them. `model` in params
     * (an endpoint id, or `id:adapter`) overrides the configured one.
     */
    async generate(params: GenerationsRequest, signal?: AbortSignal): Promise<ImageItem[]> {
      if (protocol === 'container') return postContainer(CONTAINER_GENERATIONS_PATH, containerGenerationsRequestSchema, params, signal);
      return postDedicated(GENERATIONS_PATH, generationsRequestSchema.parse({ ...(model ? { model } : {}), ...params }), signal);
    },

    /** Edits an image (or several) by a prompt: the same rules, retries and caps as generate. */
    async edit(params: EditsRequest, signal?: AbortSignal): Promise<ImageItem[]> {
      if (protocol === 'container') return postContainer(CONTAINER_EDITS_PATH, containerEditsRequestSchema, params, signal);
      return postDedicated(EDITS_PATH, editsRequestSchema.parse({ ...(model ? { model } : {}), ...params }), signal);
    },


    /**
     * Fetches a `url` result: only from the base URL's origin, or over https from a public address
     * (FRIENDLI_IMAGE_HOSTS narrows that), following at most 3 redirects under the same rules.
     */
    async download(url: string, signal?: AbortSignal): Promise<Uint8Array> {
      let current = url;
      for (let hop = 0; ; hop++) {
        const decision = checkImageUrl(current, { baseUrl, imageHosts });
        if (!decision.ok) {
          logger.warn('image url refused', { reason: decision.reason, hop });
          throw imageUnavailable();
        }
        const via = decision.route === 'same-origin' ? doFetch : (publicFetch ??= createPublicFetch());
        let response: Response;
        try {
          response = await withRetries(decision.url.href, { method: 'GET', redirect: 'manual' }, signal, { idempotent: true, via });
        } catch (err) {
          if (err instanceof AppError && err.code === 'cancelled') throw err;
          logger.warn('image fetch failed', { code: err instanceof AppError ? err.code : networkCode(err), hop });
          throw imageUnavailable();
        }
        const location = response.headers.get('location');
        if (response.status >= 300 && response.status < 400 && location && hop < MAX_REDIRECTS) {
          await response.body?.cancel().catch(() => {});
          current = new URL(location, decision.url).href;
          continue;
        }
        if (!response.ok) {
          await response.body?.cancel().catch(() => {});
          logger.warn('image fetch failed', { status: response.status, hop });
          throw imageUnavailable();
        }
        return readBody(response, signal);
      }
    },
  };
}

export type FriendliClient = ReturnType<typeof createFriendliClient>;

const MAX_REDIRECTS = 3;
