// The app against an upstream with faults: for each, the right number of attempts with the right
// waits, then images or a clear JSON error, and never the token in an answer or a log line.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from './app';
import { loadConfig } from './config';
import { createLogger } from './errors';
import { startFriendliTestServer } from './test/friendli-test-server';

const TOKEN = ['flp', 'NeverShowThisToken42'].join('_'); // token-shaped, built so none is committed
const lines: string[] = [];
let upstream: Awaited<ReturnType<typeof startFriendliTestServer>>;
let friendli: ReturnType<typeof createApp>;

beforeAll(async () => {
  upstream = await startFriendliTestServer({ size: 64 });
  friendli = createApp({
    config: loadConfig({ FRIENDLI_TOKEN: TOKEN, FRIENDLI_BASE_URL: upstream.url, RATE_LIMIT_PER_MINUTE: '0' }),
    logger: createLogger([TOKEN], (l) => lines.push(l)),
    clientOptions: { retryBaseMs: 40, retryMaxMs: 200, timeoutMs: 2000, maxResponseBytes: 1024 * 1024 },
  });
});
afterAll(async () => {
  await upstream.close();
  await friendli.engine.close();
  // Nothing anywhere in the log carried the token.
  expect(lines.length).toBeGreaterThan(0);
  for (const line of lines) expect(line).not.toContain(TOKEN);
});
beforeEach(() => {
  upstream.requests.length = 0;
});

async function generate() {
  const res = await friendli.app.request('/api/generate', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ prompt: 'p', seed: 3 }) });
  const text = await res.text();
  // The token is in no answer: not in the body, not in a header.
  expect(text).not.toContain(TOKEN);
  for (const [, value] of res.headers) expect(value).not.toContain(TOKEN);
  return { status: res.status, body: JSON.parse(text), headers: res.headers };
}
const posts = () => upstream.requests.filter((r) => r.method === 'POST');
const gaps = () => posts().slice(1).map((r, i) => r.at - posts()[i]!.at);

describe('upstream faults', () => {
  it('a latency spike within the timeout: one attempt, images', async () => {
    upstream.inject({ delayMs: 300 });
    expect((await generate()).status).toBe(200);
    expect(posts()).toHaveLength(1);
  });

  it.each([500, 502, 503, 504])('a burst of %i: retried, then images', async (status) => {
    upstream.inject({ status }, { status });
    expect((await generate()).status).toBe(200);
    expect(posts()).toHaveLength(3);
  });

  it('429 with Retry-After in seconds, and as an HTTP date: each wait honoured', async () => {
    upstream.inject({ status: 429, headers: { 'retry-after': '1' } });
    expect((await generate()).status).toBe(200);
    expect(gaps()[0]).toBeGreaterThanOrEqual(950);

    upstream.requests.length = 0;
    upstream.inject({ status: 429, headers: { 'retry-after': new Date(Date.now() + 2000).toUTCString() } });
    expect((await generate()).status).toBe(200);
    // HTTP dates have whole seconds: at least a second, however the clock fell.
    expect(gaps()[0]).toBeGreaterThanOrEqual(950);
  });

  it('429 without Retry-After: exponential backoff, then a clear rate-limit error', async () => {
    upstream.inject(...Array.from({ length: 4 }, () => ({ status: 429 })));
    const { status, body } = await generate();
    expect(status).toBe(429);
    expect(body.error.code).toBe('rate_limited');
    expect(posts()).toHaveLength(4);
    const [a, b, c] = gaps();
    // 40, 80, 160 ms with jitter in the upper half: each wait at least the last one's lower bound.
    expect(a).toBeGreaterThanOrEqual(18);
    expect(b).toBeGreaterThanOrEqual(38);
    expect(c).toBeGreaterThanOrEqual(78);
  });

  it('a dropped connection and a body cut short: retried or refused clearly', async () => {
    upstream.inject({ kind: 'reset' });
    expect((await generate()).status).toBe(200);
    upstream.inject({ kind: 'cut' });
    const cut = await generate();
    expect(cut.status).toBe(502);
    expect(cut.body.error.message).toMatch(/broke off before it was complete/);
  });

  it.each([
    ['malformed JSON', { kind: 'malformed' as const }, /not valid JSON/],
    ['an empty data list', { status: 200, body: { data: [] } }, /no images/],
    ['a wrong-typed data', { status: 200, body: { data: 'images' } }, /does not match its protocol/],
    ['a response over the cap', { kind: 'huge' as const, size: 2 * 1024 * 1024 }, /more than 1048576 bytes/],
  ])('%s: a clear 502', async (_, fault, message) => {
    upstream.inject(fault);
    const { status, body } = await generate();
    expect(status).toBe(502);
    expect(body.error.code).toBe('upstream_bad_response');
    expect(body.error.message).toMatch(message);
  });

  it.each([
    ['a dead host', { data: [{ seed: 1, response_format: 'url', url: 'http://127.0.0.1:1/x.png' }] }, 'upstream_unreachable'],
    ['a 404', { data: [{ seed: 1, response_format: 'url', url: 'URL/dedicated/v1/images/files/AAAAAAAAAAAAAAAAAAAAAA' }] }, 'upstream_image_unavailable'],
    ['non-image bytes', { data: [{ seed: 1, response_format: 'url', url: 'URL/__control/requests' }] }, 'upstream_bad_response'],
  ])('a url result that points to %s: a clear error', async (_, body, code) => {
    upstream.inject({ status: 200, body: JSON.parse(JSON.stringify(body).replace('URL', upstream.url)) });
    const res = await generate();
    expect(res.status).toBeGreaterThanOrEqual(500);
    expect(res.body.error.code).toBe(code);
  });

  it('an upstream that never answers: timed out per attempt, retried, then a clear 504', async () => {
    upstream.inject(...Array.from({ length: 4 }, () => ({ kind: 'hang' as const })));
    const { status, body } = await generate();
    expect(status).toBe(504);
    expect(body.error.code).toBe('upstream_timeout');
    expect(posts()).toHaveLength(4);
  });

  it('an upstream that echoes the token in its errors: redacted everywhere', async () => {
    upstream.inject({ status: 401, body: { detail: `token ${TOKEN} is invalid`, echo: `Bearer ${TOKEN}` } });
    expect((await generate()).body.error.code).toBe('upstream_auth');
    upstream.inject({ status: 422, body: { detail: [{ loc: ['body', 'prompt'], msg: `bad for ${TOKEN}`, type: 'x' }] } });
    expect((await generate()).body.error.details[0]).toContain('[redacted]');
    upstream.inject(...Array.from({ length: 4 }, () => ({ status: 500, body: { message: `internal: ${TOKEN}` } })));
    expect((await generate()).status).toBe(503);
  });
});
