// The app against an upstream with faults: for each, the right number of attempts with the right
// waits, then images or a clear JSON error, and never the token in an answer or a log line.
import { once } from 'node:events';
import { createServer as createHttpServer } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp, loadAppConfig } from './app';
import { createLogger } from './errors';
import { startFriendliTestServer } from './test/friendli-test-server';

const TOKEN = ['flp', 'NeverShowThisToken42'].join('_'); // token-shaped, built so none is committed
const BARE = TOKEN.slice('flp_'.length);
/** The token as a careless upstream might echo it. */
const ECHOES = {
  'case changed': TOKEN.toUpperCase(),
  'lower case': TOKEN.toLowerCase(),
  'without its prefix': BARE,
  base64: Buffer.from(TOKEN).toString('base64'),
  'base64url, off the 3-byte grid': Buffer.from(`Bearer ${TOKEN}`).toString('base64url'),
  'spaced out': [...TOKEN].join(' '),
  'hyphenated, without prefix': [...BARE].join('-'),
  hex: Buffer.from(TOKEN).toString('hex'),
  'hex, upper case, without prefix': Buffer.from(BARE).toString('hex').toUpperCase(),
  'hex, bytes separated': Buffer.from(TOKEN).toString('hex').match(/../g)!.join(':'),
  'URL-encoded, every character': [...TOKEN].map((c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`).join(''),
  'URL-encoded, partly': encodeURIComponent(`${TOKEN}`).replace(/_/g, '%5f'),
  base64url: Buffer.from(TOKEN).toString('base64url'),
};
/** True if any form of the token is in the text. */
function leaks(text: string): boolean {
  const squeezed = text.replace(/[\s._:/|-]/g, '').toLowerCase();
  return Object.values(ECHOES).some((form) => text.includes(form)) || squeezed.includes(BARE.toLowerCase()) || text.includes(Buffer.from(BARE).toString('base64').slice(0, 16));
}
const lines: string[] = [];
let upstream: Awaited<ReturnType<typeof startFriendliTestServer>>;
let friendli: ReturnType<typeof createApp>;

beforeAll(async () => {
  upstream = await startFriendliTestServer({ size: 64 });
  // Its engine's first render starts a worker thread, which on a busy machine can outlast the
  // short upstream timeout below: started here, where no timeout applies.
  await fetch(`${upstream.url}/dedicated/v1/images/generations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"prompt": "warm up"}' });
  friendli = createApp({
    config: loadAppConfig({ FRIENDLI_TOKEN: TOKEN, FRIENDLI_BASE_URL: upstream.url, RATE_LIMIT_PER_MINUTE: '0' }),
    logger: createLogger([TOKEN], (l) => lines.push(l)),
    clientOptions: { retryBaseMs: 40, retryMaxMs: 200, timeoutMs: 2000, maxResponseBytes: 1024 * 1024 },
  });
});
afterAll(async () => {
  await upstream.close();
  await friendli.engine.close();
  // Nothing anywhere in the log carried the token.
  expect(lines.length).toBeGreaterThan(0);
  for (const line of lines) expect(leaks(line), line).toBe(false);
});
beforeEach(() => {
  upstream.requests.length = 0;
});

async function generate() {
  const res = await friendli.app.request('/api/generate', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ prompt: 'p', seed: 3 }) });
  const text = await res.text();
  // The token is in no answer, in no form: not in the body, not in a header.
  expect(leaks(text), text).toBe(false);
  for (const [, value] of res.headers) expect(leaks(value)).toBe(false);
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

  it('a connection dropped after the request was sent: not repeated (it may bill twice), said clearly', async () => {
    upstream.inject({ kind: 'reset' });
    const { status, body } = await generate();
    expect(posts()).toHaveLength(1);
    expect(status).toBe(502);
    expect(body.error.code).toBe('upstream_interrupted');
    expect(body.error.message).toMatch(/may have reached FriendliAI, so it was not repeated, to avoid billing twice/);
  });

  it('a body cut short: refused clearly', async () => {
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
    ['a loopback port other than the base URL\'s', { data: [{ seed: 1, response_format: 'url', url: 'http://127.0.0.1:1/x.png' }] }, 'upstream_image_unavailable'],
    ['a 404', { data: [{ seed: 1, response_format: 'url', url: 'URL/dedicated/v1/images/files/AAAAAAAAAAAAAAAAAAAAAA' }] }, 'upstream_image_unavailable'],
    ['non-image bytes', { data: [{ seed: 1, response_format: 'url', url: 'URL/__control/requests' }] }, 'upstream_bad_response'],
  ])('a url result that points to %s: a clear error', async (_, body, code) => {
    upstream.inject({ status: 200, body: JSON.parse(JSON.stringify(body).replace('URL', upstream.url)) });
    const res = await generate();
    expect(res.status).toBeGreaterThanOrEqual(500);
    expect(res.body.error.code).toBe(code);
    if (code === 'upstream_image_unavailable') expect(res.body.error.message).toBe('The image FriendliAI returned could not be fetched.');
  });

  it('more items than were asked for: refused, and none of them fetched', async () => {
    const url = `${upstream.url}/dedicated/v1/images/files/AAAAAAAAAAAAAAAAAAAAAA`;
    upstream.inject({ status: 200, body: { data: Array.from({ length: 300 }, (_, i) => ({ seed: i, response_format: 'url', url })) } });
    const { status, body } = await generate();
    expect(status).toBe(502);
    expect(body.error.code).toBe('upstream_bad_response');
    expect(body.error.message).toMatch(/300 images to a request for one/);
    expect(upstream.requests.filter((r) => r.method === 'GET')).toHaveLength(0);
  });

  describe('url results and redirects', () => {
    /** A listener on a loopback port of our own that counts the connections it gets. */
    let other: { port: number; connections: number; close: () => void };
    beforeAll(async () => {
      const server = createServer((socket) => (other.connections++, socket.destroy())).listen(0, '127.0.0.1');
      await once(server, 'listening');
      other = { port: (server.address() as AddressInfo).port, connections: 0, close: () => server.close() };
    });
    afterAll(() => other.close());

    /** A real image URL on the upstream's own origin. */
    async function imageUrl(): Promise<string> {
      const res = await fetch(`${upstream.url}/dedicated/v1/images/generations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ prompt: 'p', response_format: 'url' }) });
      const url = ((await res.json()) as { data: [{ url: string }] }).data[0].url;
      upstream.requests.length = 0;
      return url;
    }
    const redirects = (count: number, last: string) =>
      Array.from({ length: count }, (_, i) => ({ path: `/hop${i}`, status: 302, body: '', headers: { location: i + 1 < count ? `/hop${i + 1}` : last } }));
    const answerWith = (url: string) => upstream.inject({ status: 200, body: { data: [{ seed: 1, response_format: 'url', url } ] } });

    it('follows up to 3 redirects on the base origin', async () => {
      const target = await imageUrl();
      answerWith(`${upstream.url}/hop0`);
      upstream.inject(...redirects(3, target));
      const { status, body } = await generate();
      expect(status).toBe(200);
      expect(body.images[0].mime).toBe('image/png');
      expect(upstream.requests.filter((r) => r.method === 'GET').map((r) => r.path)).toEqual(['/hop0', '/hop1', '/hop2', new URL(target).pathname]);
    });

    it('refuses a 4th redirect, without saying where or what status', async () => {
      const target = await imageUrl();
      answerWith(`${upstream.url}/hop0`);
      upstream.inject(...redirects(4, target));
      const { status, body } = await generate();
      expect(status).toBe(502);
      expect(body.error).toEqual({ code: 'upstream_image_unavailable', message: 'The image FriendliAI returned could not be fetched.' });
      expect(upstream.requests.filter((r) => r.method === 'GET')).toHaveLength(4);
    });

    it('refuses a url result, or a redirect, to another loopback port without connecting to it', async () => {
      answerWith(`http://127.0.0.1:${other.port}/x.png`);
      expect((await generate()).body.error.code).toBe('upstream_image_unavailable');
      answerWith(`${upstream.url}/hop0`);
      upstream.inject(...redirects(1, `http://127.0.0.1:${other.port}/x.png`));
      const redirected = await generate();
      expect(redirected.body.error.message).toBe('The image FriendliAI returned could not be fetched.');
      expect(JSON.stringify(redirected.body)).not.toContain(String(other.port));
      expect(other.connections).toBe(0);
    });

    it('hides an image fetch\'s own status and text', async () => {
      answerWith(`${upstream.url}/secret-place`);
      upstream.inject({ path: '/secret-place', status: 500, body: { detail: 'internal host 127.0.0.1:6379 said no' } }, ...Array.from({ length: 3 }, () => ({ path: '/secret-place', status: 500 })));
      const { body } = await generate();
      expect(body.error).toEqual({ code: 'upstream_image_unavailable', message: 'The image FriendliAI returned could not be fetched.' });
    });
  });

  describe('a redirect answer to the POST', () => {
    /** A second loopback server, where a followed redirect would land: it records every request. */
    let elsewhere: { url: string; hits: string[]; close: () => void };
    beforeAll(async () => {
      const hits: string[] = [];
      const server = createHttpServer((req, res) => {
        hits.push(`${req.method} ${req.url} team=${req.headers['x-friendli-team'] ?? ''}`);
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: [{ seed: 1, response_format: 'png', b64_json: 'iVBORw0KGgo=' }] }));
      }).listen(0, '127.0.0.1');
      await once(server, 'listening');
      elsewhere = { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits, close: () => server.close() };
    });
    afterAll(() => elsewhere.close());

    it.each([307, 308, 303, 302, 301])('%i: a clear 502, the body and team header re-sent nowhere, no GET made', async (status) => {
      upstream.inject({ status, body: '', headers: { location: `${elsewhere.url}/stolen` } });
      const { status: answered, body } = await generate();
      expect(answered).toBe(502);
      expect(body.error.code).toBe('upstream_redirect');
      expect(body.error.message).toMatch(new RegExp(`redirect \\(HTTP ${status}\\)`));
      expect(JSON.stringify(body)).not.toContain(elsewhere.url);
      expect(posts()).toHaveLength(1);
      expect(upstream.requests.filter((r) => r.method === 'GET')).toHaveLength(0);
      expect(elsewhere.hits).toEqual([]);
    });
  });

  it('an upstream that never answers: timed out, not repeated (it may bill twice), a clear 504', async () => {
    upstream.inject({ kind: 'hang' });
    const { status, body } = await generate();
    expect(status).toBe(504);
    expect(body.error.code).toBe('upstream_timeout');
    expect(body.error.message).toMatch(/may have reached FriendliAI.*billing twice/);
    expect(posts()).toHaveLength(1);
  });

  it('an upstream that echoes the token in its errors: redacted everywhere', async () => {
    upstream.inject({ status: 401, body: { detail: `token ${TOKEN} is invalid`, echo: `Bearer ${TOKEN}` } });
    expect((await generate()).body.error.code).toBe('upstream_auth');
    upstream.inject({ status: 422, body: { detail: [{ loc: ['body', 'prompt'], msg: `bad for ${TOKEN}`, type: 'x' }] } });
    expect((await generate()).body.error.details[0]).toContain('[redacted]');
    upstream.inject(...Array.from({ length: 4 }, () => ({ status: 500, body: { message: `internal: ${TOKEN}` } })));
    expect((await generate()).status).toBe(503);
  });

  it.each(Object.entries(ECHOES))('an upstream that echoes the token %s: in no answer, header or log line', async (_, echo) => {
    const expectations: [object[], number, string][] = [
      [[{ status: 401, body: { detail: `token ${echo} is invalid` } }], 502, 'upstream_auth'],
      [[{ status: 400, body: { error: { message: `bad key ${echo}` } } }], 422, 'upstream_validation'],
      [[{ status: 404, body: `no endpoint for ${echo}` }], 502, 'upstream_not_found'],
      [[{ status: 422, body: { detail: [{ loc: ['body', echo], msg: `bad for ${echo}` }] } }], 422, 'upstream_validation'],
      [[{ status: 501, body: `internal: ${echo}` }], 503, 'upstream_unavailable'],
      [Array.from({ length: 4 }, () => ({ status: 503, body: { message: echo } })), 503, 'upstream_unavailable'],
      [[{ status: 200, body: { data: echo } }], 502, 'upstream_bad_response'],
      [[{ status: 200, body: { data: [{ seed: echo, response_format: 'png', b64_json: echo }] } }], 502, 'upstream_bad_response'],
    ];
    for (const [faults, status, code] of expectations) {
      upstream.inject(...(faults as Parameters<typeof upstream.inject>));
      const res = await generate();
      expect([res.status, res.body.error.code]).toEqual([status, code]);
      // Only the API's validation details pass upstream text on; any other message is our own.
      if (!res.body.error.details) expect(res.body.error.message).not.toMatch(/said|internal|bad key|no endpoint/);
    }
    expect(lines.some((l) => l.includes('request failed'))).toBe(true);
  });
});

describe('an upstream that cannot be reached', () => {
  it('tells the browser so without its address; the log keeps the address', async () => {
    const probe = createServer().listen(0, '127.0.0.1');
    await once(probe, 'listening');
    const port = (probe.address() as AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
    const log: string[] = [];
    const base = `http://127.0.0.1:${port}/internal/gateway/v1`;
    const { app, engine } = createApp({
      config: loadAppConfig({ FRIENDLI_TOKEN: TOKEN, FRIENDLI_BASE_URL: base, RATE_LIMIT_PER_MINUTE: '0' }),
      logger: createLogger([TOKEN], (l) => log.push(l)),
      clientOptions: { retryBaseMs: 1, retryMaxMs: 2 },
    });
    const res = await app.request('/api/generate', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"prompt": "p"}' });
    const text = await res.text();
    expect(res.status).toBe(503);
    expect(JSON.parse(text).error.code).toBe('upstream_unreachable');
    for (const part of ['internal/gateway', String(port), '127.0.0.1']) expect(text).not.toContain(part);
    expect(log.some((l) => l.includes(`127.0.0.1:${port}/internal/gateway/v1`))).toBe(true);
    await engine.close();
  });
});
