import { describe, expect, it } from 'vitest';
import { ApiError, call } from './api-client';

const respond = (body: unknown, status: number) =>
  Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })) as never;

describe('call', () => {
  it("returns the parsed body of a success", async () => {
    expect(await call(respond({ ok: true }, 200))).toEqual({ ok: true });
  });

  it("turns an error answer into an ApiError with the server's own code and message", async () => {
    const err = await call(respond({ error: { code: 'rate_limited', message: 'FriendliAI is rate limiting requests.' } }, 429)).catch((e) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ code: 'rate_limited', message: 'FriendliAI is rate limiting requests.', status: 429 });
  });

  it('says plainly when the server cannot be reached or the request was cancelled', async () => {
    const network = await call(Promise.reject(new TypeError('Failed to fetch')) as never).catch((e) => e);
    expect(network).toMatchObject({ code: 'network', message: expect.stringContaining('Could not reach the studio server') });
    const cancelled = await call(Promise.reject(new DOMException('aborted', 'AbortError')) as never).catch((e) => e);
    expect(cancelled.code).toBe('cancelled');
  });
});
