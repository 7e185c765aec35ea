// The upstream's failures told in our own words: an error answer by its status (only the API's
// validation details are passed on, redacted), a network failure by whether the request may have
// arrived, and a cancel. Classified by status and type, never by message text.
import { AppError, CLIENT_CLOSED, redact } from '../errors';
import { validationErrorSchema } from '../protocol/validation-error';
import { parseRetryAfter, readCapped } from './transport';

const UPSTREAM = 'FriendliAI';
const MAY_HAVE_ARRIVED = `The request may have reached ${UPSTREAM}, so it was not repeated, to avoid billing twice.`;

export const cancelled = () => new AppError(CLIENT_CLOSED, 'cancelled', `The request was cancelled before ${UPSTREAM} answered.`);

/** No answer: a timeout or a broken connection; `final` when it may have arrived and is not repeated. */
export function networkFailure({ timedOut, seconds, code, final }: { timedOut: boolean; seconds: number; code: string; final: boolean }): AppError {
  if (final) {
    return timedOut
      ? new AppError(504, 'upstream_timeout', `${UPSTREAM} did not answer within ${seconds} s. ${MAY_HAVE_ARRIVED}`)
      : new AppError(502, 'upstream_interrupted', `The connection to ${UPSTREAM} broke off after the request was sent (${code}). ${MAY_HAVE_ARRIVED}`);
  }
  return timedOut
    ? new AppError(504, 'upstream_timeout', `${UPSTREAM} did not answer within ${seconds} s.`)
    : // Where it was tried is for the log (retry.ts writes it there), not for the browser.
      new AppError(503, 'upstream_unreachable', `Could not reach ${UPSTREAM}: ${code}. Check FRIENDLI_BASE_URL and the network (the server's log has the address tried).`);
}

/** An error answer, read up to `maxBodyBytes` (the rest is never read). */
export async function errorFromResponse(response: Response, { maxBodyBytes, secrets }: { maxBodyBytes: number; secrets: readonly string[] }): Promise<AppError> {
  const status = response.status;
  const bytes = await readCapped(response, maxBodyBytes, { truncate: true }).catch(() => new Uint8Array(0));
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
      return new AppError(422, 'upstream_validation', `${UPSTREAM} rejected the request: ${details.join('; ')}`, { details });
    }
    return new AppError(422, 'upstream_validation', `${UPSTREAM} rejected the request (HTTP ${status}).`);
  }
  if (status === 401 || status === 403) {
    return new AppError(502, 'upstream_auth', `${UPSTREAM} refused the token (HTTP ${status}). Check FRIENDLI_TOKEN, and FRIENDLI_TEAM if the endpoint belongs to a team.`);
  }
  if (status === 404) {
    return new AppError(502, 'upstream_not_found', `${UPSTREAM} has no such endpoint (HTTP 404). Check FRIENDLI_ENDPOINT_ID and FRIENDLI_BASE_URL.`);
  }
  if (status === 429) {
    const wait = parseRetryAfter(response.headers.get('retry-after'));
    const seconds = wait === undefined ? undefined : Math.ceil(wait / 1000);
    return new AppError(429, 'rate_limited', `${UPSTREAM} is rate limiting requests; try again ${seconds ? `in ${seconds} s` : 'shortly'}.`, { retryAfterSeconds: seconds });
  }
  if (status >= 300 && status < 400) {
    // The POST was not sent on: following it would re-send the body (the user's image) and the
    // team header to wherever the answer points, or turn it into a GET (303).
    return new AppError(502, 'upstream_redirect', `${UPSTREAM} answered with a redirect (HTTP ${status}), which the studio does not follow for a generation; check FRIENDLI_BASE_URL.`);
  }
  if (status >= 500) return new AppError(503, 'upstream_unavailable', `${UPSTREAM} is unavailable (HTTP ${status}); try again shortly.`);
  return new AppError(502, 'upstream_error', `${UPSTREAM} answered with an unexpected HTTP ${status}.`);
}
