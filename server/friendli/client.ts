// FriendliClient: the one code path that speaks the dedicated image generation protocol, to
// FriendliAI or to the local engine alike. Auth, team, timeouts, abort, bounded retries, and
// upstream failures mapped to clear app errors with the token redacted.
import { isAscii } from 'node:buffer';
import { AppError, CLIENT_CLOSED, redact, silentLogger, type Logger } from '../errors';
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
  fetch?: (input: string | URL | Request, init?: RequestInit) => Promise<Response>;
  timeoutMs?: number;
  maxRetries?: number;
  retryBaseMs?: number;
  retryMaxMs?: number;
  /** No request, with all its retries and waits, runs longer than this. */
  totalTimeoutMs?: number;
  /** Largest response body accepted, JSON or image. */
  maxResponseBytes?: number;
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
    logger = silentLogger,
    random = Math.random,
  } = options;
  const doFetch = options.fetch ?? fetch;
  const secrets = token ? [token] : [];
  const upstream = 'FriendliAI';

  /** Runs one logical request with retries; `describe` names it in messages. */
  async function withRetries(url: string, init: RequestInit, signal: AbortSignal | undefined): Promise<Response> {
    const deadline = Date.now() + totalTimeoutMs;
    for (let attempt = 0; ; attempt++) {
      const remaining = deadline - Date.now();
      const attemptTimeout = AbortSignal.timeout(Math.max(1, Math.min(timeoutMs, remaining)));
      const attemptSignal = signal ? AbortSignal.any([signal, attemptTimeout]) : attemptTimeout;
      let response: Response | undefined;
      let failure: AppError;
      try {
        response = await doFetch(url, { ...init, signal: attemptSignal });
        if (response.ok || !shouldRetry(response.status)) return response;
        failure = await errorFromResponse(response);
      } catch (err) {
        if (signal?.aborted) throw cancelled();
        failure = attemptTimeout.aborted
          ? new AppError(504, 'upstream_timeout', `${upstream} did not answer within ${Math.round(Math.min(timeoutMs, remaining) / 1000)} s.`)
          : new AppError(503, 'upstream_unreachable', `Could not reach ${upstream} at ${baseUrl}: ${describeNetworkError(err)}.`);
      }
      const retryAfter = response ? parseRetryAfter(response.headers.get('retry-after')) : undefined;
      // Capped exponential backoff with full jitter in its upper half, unless the upstream said when.
      const backoff = Math.min(retryMaxMs, retryBaseMs * 2 ** attempt) * (0.5 + random() / 2);
      const wait = retryAfter ?? backoff;
      if (attempt >= maxRetries || Date.now() + wait >= deadline) {
        logger.warn('upstream request failed', { url, status: response?.status, attempts: attempt + 1, code: failure.code });
        throw attempt > 0 && failure.code !== 'rate_limited'
          ? new AppError(failure.status, failure.code, `${failure.message} (after ${attempt + 1} attempts)`, failure.extra)
          : failure;
      }
      logger.info('retrying upstream request', { url, status: response?.status, attempt: attempt + 1, wait_ms: Math.round(wait) });
      try {
        await sleep(wait, signal);
      } catch {
        throw cancelled();
      }
    }
  }

  async function readBody(response: Response, signal: AbortSignal | undefined): Promise<Uint8Array> {
    const declared = Number(response.headers.get('content-length'));
    if (declared > maxResponseBytes) throw tooLarge();
    try {
      const bytes = new Uint8Array(await response.arrayBuffer());
      if (bytes.byteLength > maxResponseBytes) throw tooLarge();
      return bytes;
    } catch (err) {
      if (err instanceof AppError) throw err;
      if (signal?.aborted) throw cancelled();
      throw new AppError(502, 'upstream_bad_response', `${upstream}'s response broke off before it was complete: ${describeNetworkError(err)}.`);
    }
  }

  const tooLarge = () => new AppError(502, 'upstream_bad_response', `${upstream} sent more than ${maxResponseBytes} bytes; refusing it.`);

  async function errorFromResponse(response: Response): Promise<AppError> {
    const status = response.status;
    const text = redact(await response.text().catch(() => ''), secrets);
    let said = '';
    try {
      const body = JSON.parse(text) as Record<string, unknown>;
      const validation = validationErrorSchema.safeParse(body);
      if (validation.success) {
        const details = validation.data.detail.map((d) => (d.loc?.length ? `${d.loc.filter((l) => l !== 'body').join('.')}: ${d.msg}` : d.msg));
        return new AppError(422, 'upstream_validation', `${upstream} rejected the request: ${details.join('; ')}`, { details });
      }
      const message = body.detail ?? body.message ?? (body.error as Record<string, unknown> | undefined)?.message ?? body.error;
      if (typeof message === 'string') said = ` It said: ${message.slice(0, 300)}`;
    } catch {
      // Not JSON: the status alone has to speak.
    }
    if (status === 401 || status === 403) {
      return new AppError(502, 'upstream_auth', `${upstream} refused the token (HTTP ${status}). Check FRIENDLI_TOKEN, and FRIENDLI_TEAM if the endpoint belongs to a team.${said}`);
    }
    if (status === 404) {
      return new AppError(502, 'upstream_not_found', `${upstream} has no such endpoint (HTTP 404). Check FRIENDLI_ENDPOINT_ID and FRIENDLI_BASE_URL.${said}`);
    }
    if (status === 400 || status === 422) return new AppError(422, 'upstream_validation', `${upstream} rejected the request (HTTP ${status}).${said}`);
    if (status === 429) {
      const wait = parseRetryAfter(response.headers.get('retry-after'));
      const seconds = wait === undefined ? undefined : Math.ceil(wait / 1000);
      return new AppError(429, 'rate_limited', `${upstream} is rate limiting requests; try again ${seconds ? `in ${seconds} s` : 'shortly'}.${said}`, { retryAfterSeconds: seconds });
    }
    if (status >= 500) return new AppError(503, 'upstream_unavailable', `${upstream} is unavailable (HTTP ${status}); try again shortly.${said}`);
    return new AppError(502, 'upstream_error', `${upstream} answered with an unexpected HTTP ${status}.${said}`);
  }

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
      return parsed.data.data;
    },

    /** Fetches a `url` result. Only ever called with a URL the upstream itself returned. */
    async download(url: string, signal?: AbortSignal): Promise<Uint8Array> {
      let target: URL;
      try {
        target = new URL(url);
      } catch {
        throw new AppError(502, 'upstream_bad_response', `${upstream} returned an image URL that is not a URL.`);
      }
      if (target.protocol !== 'https:' && target.protocol !== 'http:') {
        throw new AppError(502, 'upstream_bad_response', `${upstream} returned an image URL that is not http(s).`);
      }
      const response = await withRetries(target.href, { method: 'GET' }, signal);
      if (!response.ok) {
        throw new AppError(502, 'upstream_image_unavailable', `The image ${upstream} returned could not be fetched (HTTP ${response.status}).`);
      }
      return readBody(response, signal);
    },
  };
}

export type FriendliClient = ReturnType<typeof createFriendliClient>;

function describeNetworkError(err: unknown): string {
  const cause = (err as { cause?: { code?: string; message?: string } })?.cause;
  return cause?.code ?? cause?.message ?? (err instanceof Error ? err.message : String(err));
}
