// FriendliClient: the one code path that speaks the dedicated image generation protocol, to
// FriendliAI or to the local engine alike. Auth, team, timeouts, abort, bounded retries (never a
// POST that may have been received), bodies read under a byte cap, and clear errors with no secret.
import { isAscii } from 'node:buffer';
import { AppError, CLIENT_CLOSED, redact, silentLogger, type Logger } from '../errors';
import { checkImageUrl } from './image-url-policy';
import { createPublicFetch, isBeforeSend, networkCode, readCapped, BodyTooLarge, type Fetch } from './transport';
import type { ResponseFormat } from '../contract';
import {
  GENERATIONS_PATH,
  friendliRequestSchema,
  friendliResponseSchema,
  validationErrorSchema,
  type FriendliImageItem,
} from './protocol';

export interface FriendliClientOptions {
  baseUrl: string;
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

export interface GenerateParams {
  prompt: string;
  num_inference_steps: number;
  seed?: number;
  response_format: ResponseFormat;
}

/** Why a status is worth another attempt; anything not listed is final. */
function shouldRetry(status: number): boolean {
  if (status === 429) return true; // rate limited: the upstream asks us to come back later
  if (status === 500) return true; // upstream trouble, often passing
  if (status === 502 || status === 503 || status === 504) return true; // gateway or capacity trouble
  return false;
}

/** `Retry-After` in milliseconds, in either of its forms (seconds, or an HTTP date). */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\s*\d+(\.\d+)?\s*$/.test(value)) return Math.round(Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const done = () => {
      signal?.removeEventListener('abort', abort);
      resolve();
    };
    const timer = setTimeout(done, ms);
    const abort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', abort, { once: true });
  });
}

const cancelled = () => new AppError(CLIENT_CLOSED, 'cancelled', 'The request was cancelled before FriendliAI answered.');

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
  const upstream = 'FriendliAI';

  /**
   * Runs one logical request with retries. A POST is repeated only when it surely did not arrive
   * (the connection was never made) or the answer asks for it; a GET (`idempotent`) on any failure.
   */
  async function withRetries(url: string, init: RequestInit, signal: AbortSignal | undefined, { idempotent = false, via = doFetch } = {}): Promise<Response> {
    const deadline = Date.now() + totalTimeoutMs;
    const where = logUrl(url);
    for (let attempt = 0; ; attempt++) {
      const remaining = deadline - Date.now();
      const attemptTimeout = AbortSignal.timeout(Math.max(1, Math.min(timeoutMs, remaining)));
      const attemptSignal = signal ? AbortSignal.any([signal, attemptTimeout]) : attemptTimeout;
      let response: Response | undefined;
      let failure: AppError;
      try {
        response = await via(url, { ...init, signal: attemptSignal });
        if (response.ok || !shouldRetry(response.status)) return response;
        failure = await errorFromResponse(response);
      } catch (err) {
        if (signal?.aborted) throw cancelled();
        const seconds = Math.round(Math.min(timeoutMs, remaining) / 1000);
        const code = networkCode(err);
        if (!idempotent && (attemptTimeout.aborted || !isBeforeSend(err))) {
          // The request may have reached the upstream: a second one could be billed twice.
          logger.warn('upstream request interrupted after it was sent; not repeated', { url: where, code: attemptTimeout.aborted ? 'timeout' : code, attempts: attempt + 1 });
          throw attemptTimeout.aborted
            ? new AppError(504, 'upstream_timeout', `${upstream} did not answer within ${seconds} s. ${MAY_HAVE_ARRIVED}`)
            : new AppError(502, 'upstream_interrupted', `The connection to ${upstream} broke off after the request was sent (${code}). ${MAY_HAVE_ARRIVED}`);
        }
        failure = attemptTimeout.aborted
          ? new AppError(504, 'upstream_timeout', `${upstream} did not answer within ${seconds} s.`)
          : new AppError(503, 'upstream_unreachable', `Could not reach ${upstream} at ${baseUrl}: ${code}.`);
      }
      const retryAfter = response ? parseRetryAfter(response.headers.get('retry-after')) : undefined;
      // Capped exponential backoff with full jitter in its upper half, unless the upstream said when.
      const backoff = Math.min(retryMaxMs, retryBaseMs * 2 ** attempt) * (0.5 + random() / 2);
      const wait = retryAfter ?? backoff;
      if (attempt >= maxRetries || Date.now() + wait >= deadline) {
        logger.warn('upstream request failed', { url: where, status: response?.status, attempts: attempt + 1, code: failure.code });
        throw attempt > 0 && failure.code !== 'rate_limited'
          ? new AppError(failure.status, failure.code, `${failure.message} (after ${attempt + 1} attempts)`, failure.extra)
          : failure;
      }
      logger.info('retrying upstream request', { url: where, status: response?.status, attempt: attempt + 1, wait_ms: Math.round(wait) });
      try {
        await sleep(wait, signal);
      } catch {
        throw cancelled();
      }
    }
  }

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
      if (signal?.aborted) throw cancelled();
      throw new AppError(502, 'upstream_bad_response', `${upstream}'s response broke off before it was complete: ${networkCode(err)}.`);
    }
  }

  const tooLarge = () => new AppError(502, 'upstream_bad_response', `${upstream} sent more than ${maxResponseBytes} bytes; refusing it.`);

  /** An error answer, told in our own words: only the API's validation details are passed on. */
  async function errorFromResponse(response: Response): Promise<AppError> {
    const status = response.status;
    const bytes = await readCapped(response, maxErrorBodyBytes, { truncate: true }).catch(() => new Uint8Array(0));
    if (status === 400 || status === 422) {
      let body: unknown;
      try {
        body = JSON.parse(Buffer.from(bytes).toString('utf8'));
      } catch {
        // Not JSON (or cut at the cap): the status alone has to speak.
      }
      const validation = validationErrorSchema.safeParse(body);
      if (validation.success && validation.data.detail.length) {
        const details = validation.data.detail
          .slice(0, 20)
          .map((d) => redact(d.loc?.length ? `${d.loc.filter((l) => l !== 'body').join('.')}: ${d.msg}` : d.msg, secrets).slice(0, 300));
        return new AppError(422, 'upstream_validation', `${upstream} rejected the request: ${details.join('; ')}`, { details });
      }
    }
    if (status === 401 || status === 403) {
      return new AppError(502, 'upstream_auth', `${upstream} refused the token (HTTP ${status}). Check FRIENDLI_TOKEN, and FRIENDLI_TEAM if the endpoint belongs to a team.`);
    }
    if (status === 404) {
      return new AppError(502, 'upstream_not_found', `${upstream} has no such endpoint (HTTP 404). Check FRIENDLI_ENDPOINT_ID and FRIENDLI_BASE_URL.`);
    }
    if (status === 400 || status === 422) return new AppError(422, 'upstream_validation', `${upstream} rejected the request (HTTP ${status}).`);
    if (status === 429) {
      const wait = parseRetryAfter(response.headers.get('retry-after'));
      const seconds = wait === undefined ? undefined : Math.ceil(wait / 1000);
      return new AppError(429, 'rate_limited', `${upstream} is rate limiting requests; try again ${seconds ? `in ${seconds} s` : 'shortly'}.`, { retryAfterSeconds: seconds });
    }
    if (status >= 500) return new AppError(503, 'upstream_unavailable', `${upstream} is unavailable (HTTP ${status}); try again shortly.`);
    return new AppError(502, 'upstream_error', `${upstream} answered with an unexpected HTTP ${status}.`);
  }

  const imageUnavailable = () => new AppError(502, 'upstream_image_unavailable', `The image ${upstream} returned could not be fetched.`);

  return {
    /** Generates images; returns the protocol's items as the upstream sent them. */
    async generate(params: GenerateParams, signal?: AbortSignal): Promise<FriendliImageItem[]> {
      const body = friendliRequestSchema.parse({ ...(model ? { model } : {}), ...params });
      const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
      if (token) headers.authorization = `Bearer ${token}`;
      if (team) headers['x-friendli-team'] = team;
      const response = await withRetries(`${baseUrl}${GENERATIONS_PATH}`, { method: 'POST', headers, body: JSON.stringify(body) }, signal);
      if (!response.ok) throw await errorFromResponse(response);
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
      const parsed = friendliResponseSchema.safeParse(json);
      if (!parsed.success) {
        throw new AppError(502, 'upstream_bad_response', `${upstream} sent a response that does not match its protocol: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ')}`);
      }
      if (parsed.data.data.length === 0) throw new AppError(502, 'upstream_bad_response', `${upstream} answered with no images.`);
      // One request asks for one image (the protocol has no count): more is refused, not trimmed.
      if (parsed.data.data.length > 1) {
        throw new AppError(502, 'upstream_bad_response', `${upstream} answered with ${parsed.data.data.length} images to a request for one; refusing the answer.`);
      }
      return parsed.data.data;
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
const MAY_HAVE_ARRIVED = 'The request may have reached FriendliAI, so it was not repeated, to avoid billing twice.';

/** A URL for a log line: no query string (signed image URLs carry credentials there). */
function logUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return '(not a URL)';
  }
}
