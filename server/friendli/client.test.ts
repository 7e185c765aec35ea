// The client against a Friendli-protocol server on 127.0.0.1, with faults injected.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { sniffImage } from '../sniff';
import { startFriendliTestServer } from '../test/friendli-test-server';
import { freePort } from '../test/ports';
import { createFriendliClient, type FriendliClientOptions } from './client';

const TOKEN = ['flp', 'testTOKEN1234567890'].join('_'); // token-shaped, built so none is committed
let upstream: Awaited<ReturnType<typeof startFriendliTestServer>>;

beforeAll(async () => {
  upstream = await startFriendliTestServer({ size: 64 });
});
afterAll(() => upstream.close());
beforeEach(() => {
  upstream.requests.length = 0;
});

const client = (options: Partial<FriendliClientOptions> = {}) =>
  createFriendliClient({ baseUrl: upstream.url, token: TOKEN, team: 'team-42', model: 'ep-abc', retryBaseMs: 5, retryMaxMs: 20, ...options });

const params = { prompt: 'a red fox in the snow', num_inference_steps: 4, seed: 1234, response_format: 'png' as const };

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const err = await promise.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe('FriendliClient', () => {
  it('sends bearer auth, team, model and the body fields, and decodes a b64_json item', async () => {
    const items = await client().generate(params);
    expect(items).toHaveLength(1);
    const item = items[0]!;
    expect(item.seed).toBe(1234);
    expect('b64_json' in item && sniffImage(Buffer.from(item.b64_json, 'base64'))?.mime).toBe('image/png');
    const [request] = upstream.requests;
    expect(request!.path).toBe('/dedicated/v1/images/generations');
    expect(request!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(request!.headers['x-friendli-team']).toBe('team-42');
    expect(request!.headers['content-type']).toBe('application/json');
    expect(request!.body).toEqual({ model: 'ep-abc', prompt: 'a red fox in the snow', num_inference_steps: 4, seed: 1234, response_format: 'png' });
  });

  it('omits model, team and auth when none are configured, and reports the seed the upstream chose', async () => {
    const items = await client({ model: undefined, team: undefined, token: undefined }).generate({ ...params, seed: undefined });
    const request = upstream.requests[0]!;
    expect(request.body).toEqual({ prompt: params.prompt, num_inference_steps: 4, response_format: 'png' });
    expect(request.headers).not.toHaveProperty('authorization');
    expect(request.headers).not.toHaveProperty('x-friendli-team');
    expect(Number.isInteger(items[0]!.seed)).toBe(true);
  });

  it('returns a url item as given and downloads it', async () => {
    const c = client();
    const [item] = await c.generate({ ...params, response_format: 'url' });
    expect(item && 'url' in item && item.url.startsWith(`${upstream.url}/`)).toBe(true);
    const bytes = await c.download((item as { url: string }).url);
    expect(sniffImage(bytes)).toEqual({ mime: 'image/png', width: 64, height: 64 });
  });

  it('honours Retry-After on a 429, then succeeds', async () => {
    upstream.inject({ status: 429, headers: { 'retry-after': '1' }, body: { detail: 'slow down' } });
    const items = await client().generate(params);
    expect(items).toHaveLength(1);
    const [first, second] = upstream.requests;
    expect(upstream.requests).toHaveLength(2);
    // The second attempt waited for the upstream's word, not the 5 ms backoff.
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(950);
  });

  it('retries a 5xx and then succeeds', async () => {
    upstream.inject({ status: 503 }, { status: 502 });
    await client().generate(params);
    expect(upstream.requests).toHaveLength(3);
  });

  it('gives up on a 5xx that never ends after 3 retries, with a clear error', async () => {
    // Exactly four faults: a fifth attempt would succeed, and this test would fail.
    upstream.inject(...Array.from({ length: 4 }, () => ({ status: 500 })));
    const err = await failure(client().generate(params));
    expect(upstream.requests).toHaveLength(4);
    expect(err.code).toBe('upstream_unavailable');
    expect(err.status).toBe(503);
    expect(err.message).toMatch(/unavailable \(HTTP 500\).*after 4 attempts/);
  });

  it('does not wait past its total time bound: a long Retry-After fails at once', async () => {
    upstream.inject({ status: 429, headers: { 'retry-after': '3600' } });
    const err = await failure(client({ totalTimeoutMs: 5000 }).generate(params));
    expect(upstream.requests).toHaveLength(1);
    expect(err.code).toBe('rate_limited');
    expect(err.extra.retryAfterSeconds).toBe(3600);
  });

  it('maps a 401 to a token error without retrying, and never repeats the token', async () => {
    upstream.inject({ status: 401, body: { detail: `Invalid token ${TOKEN}` } });
    const err = await failure(client().generate(params));
    expect(upstream.requests).toHaveLength(1);
    expect(err.code).toBe('upstream_auth');
    expect(err.message).toMatch(/refused the token.*FRIENDLI_TOKEN/);
    expect(err.message).not.toContain(TOKEN);
  });

  it("maps a 422 to the upstream's validation detail", async () => {
    upstream.inject({ status: 422, body: { detail: [{ loc: ['body', 'num_inference_steps'], msg: 'Input should be less than or equal to 50', type: 'less_than_equal' }] } });
    const err = await failure(client().generate(params));
    expect(err.status).toBe(422);
    expect(err.code).toBe('upstream_validation');
    expect(err.extra.details).toEqual(['num_inference_steps: Input should be less than or equal to 50']);
  });

  it('refuses malformed JSON and an empty data list', async () => {
    upstream.inject({ kind: 'malformed' });
    expect((await failure(client().generate(params))).message).toMatch(/not valid JSON/);
    upstream.inject({ status: 200, body: { data: [] } });
    expect((await failure(client().generate(params))).message).toMatch(/no images/);
    upstream.inject({ status: 200, body: { data: [{ seed: 'x', response_format: 'png', b64_json: 'AAAA' }] } });
    expect((await failure(client().generate(params))).code).toBe('upstream_bad_response');
  });

  it('does not repeat a POST whose connection dropped after the body was sent: exactly 1 attempt', async () => {
    upstream.inject({ kind: 'reset' });
    const err = await failure(client().generate(params));
    expect(upstream.requests).toHaveLength(1);
    expect(upstream.requests[0]!.body).toMatchObject({ prompt: params.prompt });
    expect(err.code).toBe('upstream_interrupted');
    expect(err.message).toMatch(/may have reached FriendliAI, so it was not repeated, to avoid billing twice/);
  });

  it('retries a refused connection (nothing was sent), and says so when it never comes back', async () => {
    const closed = `http://127.0.0.1:${await freePort()}`;
    const err = await failure(createFriendliClient({ baseUrl: closed, maxRetries: 2, retryBaseMs: 1 }).generate(params));
    expect(err.code).toBe('upstream_unreachable');
    expect(err.message).toContain('Could not reach FriendliAI: ECONNREFUSED');
    // The address tried is for the server's log, not for the browser.
    expect(err.message).not.toContain(closed);
    expect(err.message).not.toContain('127.0.0.1');
    expect(err.message).toContain('(after 3 attempts)');
  });

  it('does not repeat a POST that timed out after it was sent, and says why', async () => {
    upstream.inject({ kind: 'hang' });
    const err = await failure(client({ timeoutMs: 300 }).generate(params));
    expect(upstream.requests).toHaveLength(1);
    expect(err.code).toBe('upstream_timeout');
    expect(err.message).toMatch(/may have reached FriendliAI.*billing twice/);
  });

  it('still retries a url result (a GET) whose connection dropped', async () => {
    const c = client();
    const [item] = await c.generate({ ...params, response_format: 'url' });
    upstream.inject({ path: '/files/', kind: 'reset' });
    const bytes = await c.download((item as { url: string }).url);
    expect(sniffImage(bytes)?.mime).toBe('image/png');
    expect(upstream.requests.filter((r) => r.method === 'GET')).toHaveLength(2);
  });

  it('stops when the caller aborts', async () => {
    upstream.inject({ kind: 'hang' });
    const controller = new AbortController();
    const pending = client().generate(params, controller.signal);
    await expect.poll(() => upstream.requests.length).toBe(1);
    controller.abort();
    expect((await failure(pending)).code).toBe('cancelled');
  });
});
