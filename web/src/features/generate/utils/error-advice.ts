// What to do about each kind of failure, added to the server's own account of what happened.
import { ApiError } from '@/lib/api-client';
import { CANCELLED_MESSAGE } from './cancelled-message';

const ADVICE: Record<string, string> = {
  invalid_request: 'Correct the setting and generate again.',
  invalid_json: 'Reload the page and try again.',
  rate_limited: 'Wait a moment, then generate again.',
  busy: 'Wait a moment, then generate again.',
  upstream_unavailable: 'Try again in a minute; if it keeps failing, check FriendliAI’s status.',
  upstream_unreachable: 'Check the server’s network connection and FRIENDLI_BASE_URL, then try again.',
  upstream_timeout: 'Try again, perhaps with fewer steps.',
  upstream_auth: 'The server’s FRIENDLI_TOKEN needs fixing; your prompt and settings are kept.',
  upstream_not_found: 'The server’s FRIENDLI_ENDPOINT_ID needs fixing; your prompt and settings are kept.',
  upstream_validation: 'Adjust the settings and generate again.',
  upstream_interrupted: 'Check the gallery and FriendliAI’s usage before generating again: the request may have been billed.',
  upstream_image_unavailable: 'Try again; if it keeps failing, check FRIENDLI_IMAGE_HOSTS on the server.',
  shutting_down: 'Wait for the studio server to restart, then generate again.',
  image_fetch: 'Press Retry in the queue to fetch and store it again; nothing else is affected.',
  not_stored: 'Press Retry in the queue to store it again; earlier images are safe.',
  network: 'Check that the studio server is running, then generate again.',
  body_too_large: 'Use a smaller source image, or fewer or smaller control images: one request carries them all.',
  limit_in_flight: 'Generate again once one of them is done; your prompt and settings are kept.',
  limit_per_minute: 'Generate again then; your prompt and settings are kept.',
  limit_per_day: 'Your prompt and settings are kept; an admin can raise your limit.',
  input_missing: 'Choose the image again, or remove it from the form.',
};

export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === 'cancelled') return CANCELLED_MESSAGE;
    const advice = ADVICE[error.code] ?? 'Try again; your prompt, settings and gallery are unchanged.';
    return `${error.message} ${advice}`;
  }
  return `Something went wrong: ${error instanceof Error ? error.message : String(error)}. Your prompt, settings and gallery are unchanged.`;
}
