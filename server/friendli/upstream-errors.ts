// The upstream's failures told in our own words: an error answer by its status (only the API's
// validation details are passed on, redacted), a network failure by whether the request may have
// arrived, and a cancel. Classified by status and type, never by message text.
import { AppError, CLIENT_CLOSED, redact } from '../errors';
import { validationErrorSchema } from '../protocol/validation-error';
import { parseRetryAfter, readCapped } from './transport';

/** How messages name the upstream and the settings to check: FriendliAI's, or one container endpoint's. */
export interface UpstreamNames {
  name: string;
  /** Where its address is set. */
  base: string;
  /** What to check when it refuses the token. */
  auth: string;
  /** What to check when it answers 404. */
  notFound: string;
}

export const FRIENDLI_NAMES: UpstreamNames = {
  name: 'FriendliAI',
  base: 'FRIENDLI_BASE_URL',
  auth: 'FRIENDLI_TOKEN, and FRIENDLI_TEAM if the endpoint belongs to a team',
  notFound: 'FRIENDLI_ENDPOINT_ID and FRIENDLI_BASE_URL',
};

/** The names for a `kind: "container"` endpoint (its id is from the configuration: letters, digits, `.`, `_`, `-`). */
export const containerNames = (id: string): UpstreamNames => ({
  name: `The Friendli Container of endpoint ${id}`,
  base: `the base_url of endpoint ${id} in FRIENDLI_ENDPOINTS`,
  auth: `the token_env of endpoint ${id} in FRIENDLI_ENDPOINTS (without one no token is sent)`,
  notFound: `the base_url of endpoint ${id} in FRIENDLI_ENDPOINTS`,
});

/** The name in the middle of a sentence ("The Friendli Container…" → "the Friendli Container…"). */
const inSentence = (names: UpstreamNames) => names.name.replace(/^The /, 'the ');

export const cancelled = (names: UpstreamNames = FRIENDLI_NAMES) => new AppError(CLIENT_CLOSED, 'cancelled', `The request was cancelled before ${inSentence(names)} answered.`);

/** No answer: a timeout or a broken connection; `final` when it may have arrived and is not repeated. */
export function networkFailure({ timedOut, seconds, code, final }: { timedOut: boolean; seconds: number; code: string; final: boolean }, names: UpstreamNames = FRIENDLI_NAMES): AppError {
  const UPSTREAM = names.name;
  const MAY_HAVE_ARRIVED = `The request may have reached ${inSentence(names)}, so it was not repeated, to avoid billing twice.`;
  if (final) {
    return timedOut
      ? new AppError(504, 'upstream_timeout', `${UPSTREAM} did not answer within ${seconds} s. ${MAY_HAVE_ARRIVED}`)
      : new AppError(502, 'upstream_interrupted', `The connection to ${inSentence(names)} broke off after the request was sent (${code}). ${MAY_HAVE_ARRIVED}`);
  }
  return timedOut
    ? new AppError(504, 'upstream_timeout', `${UPSTREAM} did not answer within ${seconds} s.`)
    : // Where it was tried is for the log (retry.ts writes it there), not for the browser.
      new AppError(503, 'upstream_unreachable', `Could not reach ${inSentence(names)}: ${code}. Check ${names.base} and the network (the server's log has the address tried).`);
}

/** An error answer, read up to `maxBodyBytes` (the rest is never read). */
export async function errorFromResponse(response: Response, { maxBodyBytes, secrets, names = FRIENDLI_NAMES }: { maxBodyBytes: number; secrets: readonly string[]; names?: UpstreamNames }): Promise<AppError> {
  const UPSTREAM = names.name;
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
    return new AppError(502, 'upstream_auth', `${UPSTREAM} refused the token (HTTP ${status}). Check ${names.auth}.`);
  }
  if (status === 404) {
    return new AppError(502, 'upstream_not_found', `${UPSTREAM} has no such endpoint (HTTP 404). Check ${names.notFound}.`);
  }
  if (status === 429) {
    const wait = parseRetryAfter(response.headers.get('retry-after'));
    const seconds = wait === undefined ? undefined : Math.ceil(wait / 1000);
    return new AppError(429, 'rate_limited', `${UPSTREAM} is rate limiting requests; try again ${seconds ? `in ${seconds} s` : 'shortly'}.`, { retryAfterSeconds: seconds });
  }
  if (status >= 300 && status < 400) {
    // The POST was not sent on: following it would re-send the body (the user's image) and the
    // team header to wherever the answer points, or turn it into a GET (303).
    return new AppError(502, 'upstream_redirect', `${UPSTREAM} answered with a redirect (HTTP ${status}), which the studio does not follow for a generation; check ${names.base}.`);
  }
  if (status >= 500) return new AppError(503, 'upstream_unavailable', `${UPSTREAM} is unavailable (HTTP ${status}); try again shortly.`);
  return new AppError(502, 'upstream_error', `${UPSTREAM} answered with an unexpected HTTP ${status}.`);
}
