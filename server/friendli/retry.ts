// Bounded retries for one logical upstream request, as openai-node does them: one `shouldRetry`
// table, `Retry-After` honoured first, otherwise capped exponential backoff with jitter, and a
// timeout per attempt through AbortSignal, all under one overall deadline.
import { setTimeout as sleep } from 'node:timers/promises';
import { AppError, type Logger } from '../errors';
import { FRIENDLI_NAMES, cancelled, errorFromResponse, networkFailure, type UpstreamNames } from './upstream-errors';
import { isBeforeSend, networkCode, parseRetryAfter, type Fetch } from './transport';

/** Why a status is worth another attempt; anything not listed is final. */
function shouldRetry(status: number): boolean {
  if (status === 429) return true; // rate limited: the upstream asks us to come back later
  if (status === 500) return true; // upstream trouble, often passing
  if (status === 502 || status === 503 || status === 504) return true; // gateway or capacity trouble
  return false;
}

export interface RetryOptions {
  fetch: Fetch;
  timeoutMs: number;
  maxRetries: number;
  retryBaseMs: number;
  retryMaxMs: number;
  totalTimeoutMs: number;
  maxErrorBodyBytes: number;
  secrets: readonly string[];
  logger: Logger;
  random: () => number;
  /** How messages name the upstream (FriendliAI by default). */
  names?: UpstreamNames;
}

export function createRetrier(o: RetryOptions) {
  const names = o.names ?? FRIENDLI_NAMES;
  /**
   * Runs one logical request with retries. A POST is repeated only when it surely did not arrive
   * (the connection was never made) or the answer asks for it; a GET (`idempotent`) on any failure.
   */
  return async function withRetries(url: string, init: RequestInit, signal: AbortSignal | undefined, { idempotent = false, via = o.fetch } = {}): Promise<Response> {
    const deadline = Date.now() + o.totalTimeoutMs;
    const where = logUrl(url);
    for (let attempt = 0; ; attempt++) {
      const remaining = deadline - Date.now();
      const attemptTimeout = AbortSignal.timeout(Math.max(1, Math.min(o.timeoutMs, remaining)));
      const attemptSignal = signal ? AbortSignal.any([signal, attemptTimeout]) : attemptTimeout;
      let response: Response | undefined;
      let failure: AppError;
      try {
        response = await via(url, { ...init, signal: attemptSignal });
        if (response.ok || !shouldRetry(response.status)) return response;
        failure = await errorFromResponse(response, { maxBodyBytes: o.maxErrorBodyBytes, secrets: o.secrets, names });
      } catch (err) {
        if (signal?.aborted) throw cancelled(names);
        const timedOut = attemptTimeout.aborted;
        const code = networkCode(err);
        // The request may have reached the upstream: a second one could be billed twice.
        const final = !idempotent && (timedOut || !isBeforeSend(err));
        if (final) o.logger.warn('upstream request interrupted after it was sent; not repeated', { url: where, code: timedOut ? 'timeout' : code, attempts: attempt + 1 });
        failure = networkFailure({ timedOut, seconds: Math.round(Math.min(o.timeoutMs, remaining) / 1000), code, final }, names);
        if (final) throw failure;
      }
      const retryAfter = response ? parseRetryAfter(response.headers.get('retry-after')) : undefined;
      // Capped exponential backoff with full jitter in its upper half, unless the upstream said when.
      const backoff = Math.min(o.retryMaxMs, o.retryBaseMs * 2 ** attempt) * (0.5 + o.random() / 2);
      const wait = retryAfter ?? backoff;
      if (attempt >= o.maxRetries || Date.now() + wait >= deadline) {
        o.logger.warn('upstream request failed', { url: where, status: response?.status, attempts: attempt + 1, code: failure.code });
        throw attempt > 0 && failure.code !== 'rate_limited'
          ? new AppError(failure.status, failure.code, `${failure.message} (after ${attempt + 1} attempts)`, failure.extra)
          : failure;
      }
      o.logger.info('retrying upstream request', { url: where, status: response?.status, attempt: attempt + 1, wait_ms: Math.round(wait) });
      try {
        await sleep(wait, undefined, { signal });
      } catch {
        throw cancelled(names);
      }
    }
  };
}

/** A URL for a log line: no query string (signed image URLs carry credentials there). */
function logUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return '(not a URL)';
  }
}
