// The app's HTTP API through app.request(): routes, bad input, guards, and FriendliAI mode against
// the Friendli-protocol test server.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, loadAppConfig } from './app';
import { startFriendliTestServer } from './test/friendli-test-server';

const json = { 'content-type': 'application/json' };
const local = createApp({ config: loadAppConfig({ LOCAL_ENGINE_SIZE: '64' }) });
afterAll(() => local.engine.close());

function expectSecurityHeaders(res: Response) {
  expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
  expect(res.headers.get('x-frame-options')).toBe('DENY');
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(res.headers.get('referrer-policy')).toBe('no-referrer');
}

const post = (app: { request: typeof local.app.request }, body: unknown, headers: Record<string, string> = json) =>
  app.request('/api/generate', { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });

describe('GET /api/health and /api/config', () => {
  it('answers health', async () => {
    const res = await local.app.request('/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it('describes engine, steps and formats', async () => {
    const res = await local.app.request('/api/config');
    expect(await res.json()).toEqual({
      engine: 'local',
      steps: { min: 1, max: 10, default: 4 },
      formats: ['url', 'raw', 'png', 'jpeg', 'jpg'],
      default_format: 'url',
      concurrency: 2,
      endpoint: 'local-engine',
      endpoints: [
        {
          id: 'local-engine',
          name: 'Local preview engine',
          adapters: ['watercolor', 'blueprint'],
          steps: { min: 1, max: 10, default: 4 },
          guidance_range: { min: 0, max: 20, default: 7.5 },
          edit: true,
          control_images: 2,
          kind: 'dedicated',
          formats: ['url', 'raw', 'png', 'jpeg', 'jpg'],
          default_format: 'url',
        },
      ],
      image_input_bytes: 20 * 1024 * 1024,
    });
  });
});

describe('POST /api/generate on the local engine', () => {
  it('returns same-origin images with the seed actually used, and serves their bytes', async () => {
    const res = await post(local.app, { prompt: 'a lighthouse on a cliff', num_inference_steps: 3, seed: 99, response_format: 'jpeg' });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.engine).toBe('local');
    expect(body.elapsed_ms).toBeGreaterThanOrEqual(0);
    const [image] = body.images;
    expect(image).toMatchObject({ seed: 99, response_format: 'jpeg', mime: 'image/jpeg', width: 64, height: 64 });
    expect(image.url).toBe(`/api/images/${image.id}`);
    const file = await local.app.request(image.url);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('image/jpeg');
    expect(file.headers.get('x-content-type-options')).toBe('nosniff');
    expect(file.headers.get('cache-control')).toMatch(/private, max-age=\d+/);
    expect((await file.arrayBuffer()).byteLength).toBe(image.bytes);
  });

  it('uses the default steps and format, picks a seed, and types `raw` by its bytes', async () => {
    const res = await post(local.app, { prompt: 'fog' });
    const [image] = (await res.json()).images;
    expect(image.response_format).toBe('url');
    expect(Number.isInteger(image.seed)).toBe(true);
    const raw = (await (await post(local.app, { prompt: 'fog', response_format: 'raw', seed: 1 })).json()).images[0];
    expect(raw).toMatchObject({ response_format: 'raw', mime: 'image/png' });
  });

  it('answers with the parameters it used, its own defaults filled in', async () => {
    const chosen = await (await post(local.app, { prompt: 'fog', num_inference_steps: 2, response_format: 'png', seed: 9 })).json();
    expect(chosen).toMatchObject({ images: [{ seed: 9, num_inference_steps: 2, response_format: 'png' }] });
    const defaults = await (await post(local.app, { prompt: 'fog' })).json();
    expect(defaults).toMatchObject({ images: [{ num_inference_steps: 4, response_format: 'url' }] });
  });

  it.each([
    ['a missing prompt', {}, /prompt is required/],
    ['a blank prompt', { prompt: '  \n ' }, /prompt must not be blank/],
    ['a prompt over the limit', { prompt: 'x'.repeat(2001) }, /at most 2000 characters/],
    ['steps out of range', { prompt: 'p', num_inference_steps: 11 }, /num_inference_steps must be a whole number from 1 to 10/],
    ['fractional steps', { prompt: 'p', num_inference_steps: 2.5 }, /num_inference_steps/],
    ['steps as text', { prompt: 'p', num_inference_steps: '4' }, /num_inference_steps/],
    ['a negative seed', { prompt: 'p', seed: -1 }, /seed must be a whole number from 0 to 4294967295/],
    ['a seed over 32 bits', { prompt: 'p', seed: 4294967296 }, /seed/],
    ['an unknown format', { prompt: 'p', response_format: 'gif' }, /response_format must be one of url, raw, png, jpeg, jpg/],
    ['an unknown field', { prompt: 'p', guidance: 3 }, /Unrecognized key: "guidance"/],
  ])('refuses %s with a 400 that says what is wrong', async (_, body, message) => {
    const res = await post(local.app, body);
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.code).toBe('invalid_request');
    expect(error.message).toMatch(message);
  });

  it('refuses a body that is not JSON, is not sent as JSON, or is too large', async () => {
    const malformed = await post(local.app, '{"prompt": ');
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).error.code).toBe('invalid_json');
    const plain = await post(local.app, '{"prompt":"p"}', { 'content-type': 'text/plain' });
    expect(plain.status).toBe(415);
    expect((await plain.json()).error.code).toBe('unsupported_media_type');
    const huge = await post(local.app, { prompt: 'x'.repeat(70_000) });
    expect(huge.status).toBe(413);
    expect((await huge.json()).error.code).toBe('body_too_large');
  });
});

describe('GET /api/images/:id and unknown routes', () => {
  it.each(['nope', '..%2F..%2Fetc%2Fpasswd', 'AAAAAAAAAAAAAAAAAAAAAA', '%00'])('answers %s with a JSON 404', async (id) => {
    const res = await local.app.request(`/api/images/${id}`);
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toMatch(/not_found/);
  });

  it('answers an unknown API path with a JSON 404', async () => {
    const res = await local.app.request('/api/nothing-here', { method: 'POST', headers: json, body: '{}' });
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('not_found');
  });
});

describe('guards', () => {
  it('refuses a foreign Host, even when Origin matches it (DNS rebinding)', async () => {
    const res = await local.app.request('http://evil.example/api/generate', {
      method: 'POST',
      headers: { ...json, host: 'evil.example', origin: 'http://evil.example' },
      body: JSON.stringify({ prompt: 'p' }),
    });
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe('forbidden_host');
    expect((await local.app.request('http://evil.example/api/config')).status).toBe(403);
  });

  it.each([
    ['another site', { origin: 'https://evil.example' }],
    ['a sandboxed frame', { origin: 'null' }],
    ['a cross-site fetch without Origin', { 'sec-fetch-site': 'cross-site' }],
  ])('refuses writes from %s', async (_, headers) => {
    const res = await post(local.app, { prompt: 'p' }, { ...json, ...headers });
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe('forbidden_origin');
  });

  it('refuses a cross-site text/plain "simple" request that skips the preflight', async () => {
    const res = await post(local.app, '{"prompt":"p"}', { 'content-type': 'text/plain', origin: 'https://evil.example' });
    expect(res.status).toBe(403);
  });

  it('accepts writes from its own origin and from non-browser clients', async () => {
    expect((await post(local.app, { prompt: 'p', seed: 1 }, { ...json, origin: 'http://localhost' })).status).toBe(200);
    expect((await post(local.app, { prompt: 'p', seed: 1 })).status).toBe(200);
  });

  it('sends security headers with every answer', async () => {
    expectSecurityHeaders(await local.app.request('/api/config'));
  });

  it('sends the security headers with the guards\' own refusals and with 404s', async () => {
    const answers = [
      await local.app.request('http://evil.example/api/config', { headers: { host: 'evil.example' } }),
      await post(local.app, { prompt: 'p' }, { ...json, origin: 'https://evil.example' }),
      await post(local.app, '{"prompt":"p"}', { 'content-type': 'text/plain' }),
      await local.app.request('/api/nothing-here'),
      await local.app.request('/nothing-here-either'),
    ];
    expect(answers.map((r) => r.status)).toEqual([403, 403, 415, 404, 404]);
    for (const res of answers) expectSecurityHeaders(res);
  });

  describe('with an access key (bound beyond loopback)', () => {
    const key = 'k3y-that-is-long-enough';
    const guarded = createApp({ config: loadAppConfig({ HOST: '0.0.0.0', APP_ACCESS_KEY: key, ALLOWED_HOSTS: 'studio.lan', LOCAL_ENGINE_SIZE: '64' }) });
    afterAll(() => guarded.engine.close());

    it('refuses requests without it, except health', async () => {
      const res = await guarded.app.request('http://studio.lan/api/config');
      expect(res.status).toBe(401);
      expect((await res.json()).error.code).toBe('access_key_required');
      expect((await guarded.app.request('http://studio.lan/api/config', { headers: { 'x-access-key': 'wrong-key-of-some-length' } })).status).toBe(401);
      expect((await guarded.app.request('http://studio.lan/api/health')).status).toBe(200);
    });

    it('accepts the header, and turns ?key= into a cookie for the browser', async () => {
      expect((await guarded.app.request('http://studio.lan/api/config', { headers: { 'x-access-key': key } })).status).toBe(200);
      const open = await guarded.app.request(`http://studio.lan/?prompt=x&key=${key}`);
      expect(open.status).toBe(303);
      expect(open.headers.get('location')).toBe('/?prompt=x');
      const cookie = open.headers.get('set-cookie')!;
      expect(cookie).toMatch(/HttpOnly/i);
      const res = await guarded.app.request('http://studio.lan/api/config', { headers: { cookie: cookie.split(';')[0]! } });
      expect(res.status).toBe(200);
    });

    it('sets a SameSite=Lax cookie holding a value derived from the key, never the key, Secure only over https', async () => {
      const open = await guarded.app.request(`http://studio.lan/?key=${key}`);
      const cookie = open.headers.get('set-cookie')!;
      // Lax: a shared link opened from another site (a top-level GET) still carries it.
      expect(cookie).toMatch(/SameSite=Lax/i);
      expect(cookie).not.toMatch(/Secure/i);
      const value = decodeURIComponent(cookie.split(';')[0]!.split('=').slice(1).join('='));
      expect(value).not.toContain(key);
      expect(value).toMatch(/^[A-Za-z0-9_-]{20,}$/);
      // The raw key in the cookie is not a credential: only the derived value is.
      expect((await guarded.app.request('http://studio.lan/api/config', { headers: { cookie: `studio_key=${key}` } })).status).toBe(401);
      const overTls = await guarded.app.request(`https://studio.lan/?key=${key}`);
      expect(overTls.status).toBe(303);
      expect(overTls.headers.get('set-cookie')).toMatch(/;\s*Secure/i);
    });

    it('sends the security headers with its own 401 and 303 answers', async () => {
      for (const res of [await guarded.app.request('http://studio.lan/api/config'), await guarded.app.request(`http://studio.lan/?key=${key}`)]) {
        expect([401, 303]).toContain(res.status);
        expectSecurityHeaders(res);
      }
    });
  });
});

describe('serving the studio', () => {
  it('serves the web build with its CSP, and the page for any other path', async () => {
    const webRoot = mkdtempSync(join(tmpdir(), 'studio-web-'));
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>studio</title>');
    const { app, engine } = createApp({ config: loadAppConfig({ LOCAL_ENGINE_SIZE: '64' }), webRoot });
    const page = await app.request('/');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>studio</title>');
    expect(page.headers.get('content-security-policy')).toMatch(/img-src 'self' blob: data:/);
    expect((await app.request('/some/link?prompt=x')).status).toBe(200);
    expect((await app.request('/api/missing')).status).toBe(404);
    await engine.close();
  });
});

describe('on FriendliAI (the Friendli-protocol test server)', () => {
  const TOKEN = ['flp', 'appTestToken123456'].join('_'); // token-shaped, built so none is committed
  let upstream: Awaited<ReturnType<typeof startFriendliTestServer>>;
  let friendli: ReturnType<typeof createApp>;
  beforeAll(async () => {
    upstream = await startFriendliTestServer({ size: 64 });
    friendli = createApp({
      config: loadAppConfig({ FRIENDLI_TOKEN: TOKEN, FRIENDLI_BASE_URL: upstream.url, FRIENDLI_ENDPOINT_ID: 'ep-9', FRIENDLI_TEAM: 'tm' }),
      clientOptions: { retryBaseMs: 5, retryMaxMs: 10 },
    });
  });
  afterAll(async () => {
    await upstream.close();
    await friendli.engine.close();
  });

  it('generates through the upstream, fetching a url result once into the store', async () => {
    const res = await post(friendli.app, { prompt: 'a red barn', seed: 3 });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.engine).toBe('friendli');
    expect(body.images[0]).toMatchObject({ seed: 3, response_format: 'url', mime: 'image/png' });
    expect(body.images[0].url).toMatch(/^\/api\/images\//);
    const [generation, download] = upstream.requests.slice(-2);
    expect(generation!.body).toEqual({ model: 'ep-9', prompt: 'a red barn', num_inference_steps: 4, seed: 3, response_format: 'url' });
    expect(download!.method).toBe('GET');
    expect((await (await friendli.app.request('/api/config')).text()).includes(TOKEN)).toBe(false);
  });

  it('maps upstream failures to clear errors, with Retry-After passed on and the token never shown', async () => {
    upstream.inject({ status: 401, body: { detail: `bad token ${TOKEN}` } });
    const auth = await post(friendli.app, { prompt: 'p' });
    expect(auth.status).toBe(502);
    const authText = await auth.text();
    expect(authText).toContain('upstream_auth');
    expect(authText).not.toContain(TOKEN);

    upstream.inject({ status: 429, headers: { 'retry-after': '3600' } });
    const limited = await post(friendli.app, { prompt: 'p' });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('3600');
    expect((await limited.json()).error).toMatchObject({ code: 'rate_limited', retry_after_seconds: 3600 });
  });

  it('refuses a result whose bytes are not an image', async () => {
    upstream.inject({ status: 200, body: { data: [{ seed: 1, response_format: 'png', b64_json: Buffer.from('<html>').toString('base64') }] } });
    const res = await post(friendli.app, { prompt: 'p' });
    expect(res.status).toBe(502);
    expect((await res.json()).error.message).toMatch(/not a PNG, JPEG or WebP image/);
  });

  it('aborts the upstream call when the browser goes away', async () => {
    const server = serve({ fetch: friendli.app.fetch, hostname: '127.0.0.1', port: 0 });
    await new Promise((r) => server.once('listening', r));
    const { port } = server.address() as AddressInfo;
    upstream.inject({ kind: 'hang' });
    const controller = new AbortController();
    const pending = fetch(`http://127.0.0.1:${port}/api/generate`, { method: 'POST', headers: json, body: JSON.stringify({ prompt: 'p' }), signal: controller.signal }).catch(() => 'aborted');
    await expect.poll(() => upstream.stats.inFlight).toBe(1);
    controller.abort();
    expect(await pending).toBe('aborted');
    // The hanging upstream request ends only when our server aborts it.
    await expect.poll(() => upstream.stats.inFlight).toBe(0);
    server.close();
  });
});

describe('the server-wide limit on upstream calls', () => {
  it('answers a clear busy with Retry-After when every slot and the waiting room are taken', async () => {
    const upstream = await startFriendliTestServer({ size: 64 });
    const { app, engine } = createApp({ config: loadAppConfig({ FRIENDLI_TOKEN: 't0ken-for-test', FRIENDLI_BASE_URL: upstream.url, UPSTREAM_CONCURRENCY: '1', UPSTREAM_QUEUE: '1', GENERATE_CONCURRENCY: '3' }) });
    upstream.inject({ delayMs: 400 });
    const [first, second, third] = [post(app, { prompt: 'a' }), post(app, { prompt: 'b' }), post(app, { prompt: 'c' })];
    const busy = await third;
    expect(busy.status).toBe(503);
    expect(busy.headers.get('retry-after')).toBe('2');
    expect((await busy.json()).error.code).toBe('busy');
    expect([(await first).status, (await second).status]).toEqual([200, 200]);
    expect(upstream.stats.maxInFlight).toBe(1);
    expect((await (await app.request('/api/config')).json()).concurrency).toBe(3);
    await upstream.close();
    await engine.close();
  });
});

describe('hostile input', () => {
  it.each([
    ['a NUL', 'a\u0000b', /control characters/],
    ['an escape character', 'a\u001bb', /control characters/],
    ['a C1 control (the first, U+0080)', 'a\u0080b', /control characters/],
    ['a C1 next-line (U+0085)', 'a\u0085b', /control characters/],
    ['a C1 control sequence introducer (U+009B)', 'a\u009b31mb', /control characters/],
    ['a C1 control (the last, U+009F)', 'a\u009fb', /control characters/],
    ['a lone surrogate', 'a\ud800b', /unpaired surrogate/],
  ])('refuses a prompt with %s, clearly', async (_, prompt, message) => {
    const res = await post(local.app, { prompt });
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(message);
  });

  it('accepts emoji, right-to-left text, line breaks and tabs', async () => {
    // U+00A0 (no-break space) and U+00E9 lie just past the C1 range: ordinary text.
    const prompt = 'שלום עולם 🌅 مرحبا\n\tline two 👩🏽‍🚀 caf\u00e9\u00a0noir';
    const res = await post(local.app, { prompt, seed: 1 });
    expect(res.status).toBe(200);
  });

  it('refuses deeply nested JSON with a 4xx, not a crash', async () => {
    const deep = `{"prompt": ${'['.repeat(20_000)}${']'.repeat(20_000)}}`;
    const res = await post(local.app, deep);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect((await res.json()).error.code).toMatch(/invalid_request|invalid_json|body_too_large/);
  });
});
