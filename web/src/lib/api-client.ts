// The typed API client (Hono RPC over the server's own route types) and the one way to call it:
// a non-2xx answer or a network failure becomes an ApiError carrying the server's message.
import { DetailedError, hc, parseResponse, type ClientResponse } from 'hono/client';
import type { AppType } from '@server/app';
import type { ErrorBody } from '@server/contract';

export const api = hc<AppType>('/api');

/** Dispatched on window when the server answers that no one is signed in. */
export const SESSION_ENDED = 'studio-session-ended';

export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export async function call<T extends ClientResponse<unknown>>(request: Promise<T>) {
  try {
    return await parseResponse(request);
  } catch (err) {
    if (err instanceof DetailedError) {
      // parseResponse puts the parsed body under detail.data.
      const body = (err.detail as { data?: Partial<ErrorBody> } | undefined)?.data;
      const status = Number(err.statusCode) || undefined;
      // The session ended (signed out elsewhere, disabled, expired): the session gate shows the sign-in page.
      if (status === 401 && body?.error?.code === 'sign_in_required' && typeof window !== 'undefined') window.dispatchEvent(new Event(SESSION_ENDED));
      throw new ApiError(body?.error?.code ?? 'http_error', body?.error?.message ?? `The server answered HTTP ${status ?? '?'}.`, status);
    }
    if (err instanceof DOMException && err.name === 'AbortError') throw new ApiError('cancelled', 'Cancelled.');
    throw new ApiError('network', 'Could not reach the studio server. Is it still running?');
  }
}
