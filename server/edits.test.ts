// Endpoints, adapters, guidance, control images and edits through the app's API: every refusal
// names its field; picking an endpoint and adapter sends `model: "id:route"`; and edits meet the
// same upstream faults as generations, with the same retries, caps and redaction.
import sharp from 'sharp';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp, loadAppConfig } from './app';
import { createLogger } from './errors';
import { EDITS_PATH } from './protocol/edits';
import { GENERATIONS_PATH } from './protocol/generations';
import { startFriendliTestServer } from './test/friendli-test-server';
import { pngDataUrl, pngHeader } from './test/png-header';

const json = { 'content-type': 'application/json' };
type App = ReturnType<typeof createApp>['app'];
const call = (app: App, path: string, body: unknown) => app.request(path, { method: 'POST', headers: json, body: JSON.stringify(body) });
// A real picture: the test upstream is the local engine, which decodes the images it is sent.
const pngBytes = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#468' } }).png().toBuffer();
const png = `data:image/png;base64,${pngBytes.toString('base64')}`;

const TOKEN = ['flp', 'EditsNeverShown77'].join('_'); // token-shaped, built so none is committed
const ENDPOINTS = JSON.stringify([
  { id: 'ep-a', name: 'Fast', steps: { min: 1, max: 8, default: 4 }, guidance_range: false },
  { id: 'ep-b', adapters: ['watercolor'], guidance_range: { min: 1, max: 10, default: 5 }, edit: true, control_images: 1 },
]);

let upstream: Awaited<ReturnType<typeof startFriendliTestServer>>;
let friendli: ReturnType<typeof createApp>;
const lines: string[] = [];
beforeAll(async () => {
  upstream = await startFriendliTestServer({ size: 64 });
  // Its engine's first render starts a worker thread, which on a busy machine can outlast the
  // short upstream timeout below: started here, where no timeout applies.
  await fetch(`${upstream.url}${GENERATIONS_PATH}`, { method: 'POST', headers: json, body: '{"prompt": "warm up"}' });
  friendli = createApp({
    config: loadAppConfig({ FRIENDLI_TOKEN: TOKEN, FRIENDLI_BASE_URL: upstream.url, FRIENDLI_ENDPOINTS: ENDPOINTS, RATE_LIMIT_PER_MINUTE: '0', IMAGE_INPUT_MB: '1' }),
    logger: createLogger([TOKEN], (l) => lines.push(l)),
    clientOptions: { retryBaseMs: 5, retryMaxMs: 20, timeoutMs: 2000, maxResponseBytes: 1024 * 1024 },
  });
});
afterAll(async () => {
  await upstream.close();
  await friendli.engine.close();
  for (const line of lines) expect(line).not.toContain(TOKEN.slice(4));
});
beforeEach(() => {
  upstream.requests.length = 0;
});
const posts = () => upstream.requests.filter((r) => r.method === 'POST');
/** An edit answer as the upstream gives it: one b64 image. */
const edited = { status: 200, body: { data: [{ seed: 5, response_format: 'png', b64_json: pngHeader(16, 16).toString('base64') }] }, path: EDITS_PATH };

describe('GET /api/config with FRIENDLI_ENDPOINTS', () => {
  it('lists every endpoint with its capabilities, the first as the default', async () => {
    const body = await (await friendli.app.request('/api/config')).json();
    expect(body.endpoint).toBe('ep-a');
    expect(body.steps).toEqual({ min: 1, max: 8, default: 4 });
    expect(body.endpoints).toEqual([
      { id: 'ep-a', name: 'Fast', adapters: [], steps: { min: 1, max: 8, default: 4 }, guidance_range: false, edit: false, control_images: 0, kind: 'dedicated', formats: ['url', 'raw', 'png', 'jpeg', 'jpg'], default_format: 'url' },
      { id: 'ep-b', name: 'ep-b', adapters: ['watercolor'], steps: { min: 1, max: 50, default: 20 }, guidance_range: { min: 1, max: 10, default: 5 }, edit: true, control_images: 1, kind: 'dedicated', formats: ['url', 'raw', 'png', 'jpeg', 'jpg'], default_format: 'url' },
    ]);
    expect(JSON.stringify(body)).not.toContain(TOKEN);
  });
});

describe('choosing an endpoint and adapter', () => {
  it('sends model "id:route" for an adapter, the id alone without, and the first endpoint by default', async () => {
    expect((await call(friendli.app, '/api/generate', { prompt: 'p', endpoint: 'ep-b', adapter: 'watercolor', seed: 1 })).status).toBe(200);
    expect((await call(friendli.app, '/api/generate', { prompt: 'p', endpoint: 'ep-b', guidance_scale: 2.5 })).status).toBe(200);
    const res = await call(friendli.app, '/api/generate', { prompt: 'p' });
    expect(res.status).toBe(200);
    const sent = posts().filter((r) => r.path === GENERATIONS_PATH).map((r) => r.body as Record<string, unknown>);
    expect(sent.map((b) => b.model)).toEqual(['ep-b:watercolor', 'ep-b', 'ep-a']);
    expect(sent[0]).not.toHaveProperty('guidance_scale');
    expect(sent[1]).toMatchObject({ guidance_scale: 2.5, num_inference_steps: 20 });
    expect(sent[2]).toMatchObject({ num_inference_steps: 4 });
    expect((await res.json()).images[0]).toMatchObject({ endpoint: 'ep-a', adapter: null, guidance_scale: null, num_inference_steps: 4 });
  });

  it('sends control images and their weights, and null guidance is not sent', async () => {
    const res = await call(friendli.app, '/api/generate', { prompt: 'p', endpoint: 'ep-b', guidance_scale: null, control_images: [{ image: png }], controlnet_weights: [0.5] });
    expect(res.status).toBe(200);
    const sent = posts()[0]!.body as Record<string, unknown>;
    expect(sent).toMatchObject({ control_images: [{ image: png }], controlnet_weights: [0.5] });
    expect(sent).not.toHaveProperty('guidance_scale');
  });
});

describe('refusals, each a 400 naming the field', () => {
  it.each([
    ['an unknown endpoint', { prompt: 'p', endpoint: 'ep-z' }, /^endpoint must be one of: ep-a, ep-b/],
    ['an adapter the endpoint lacks', { prompt: 'p', adapter: 'watercolor' }, /adapter: endpoint ep-a has no adapters/],
    ['an unknown adapter', { prompt: 'p', endpoint: 'ep-b', adapter: 'oil' }, /adapter must be one of endpoint ep-b's adapters: watercolor/],
    ['guidance to an endpoint without it', { prompt: 'p', guidance_scale: 3 }, /guidance_scale: endpoint ep-a does not take guidance/],
    ['guidance out of range', { prompt: 'p', endpoint: 'ep-b', guidance_scale: 11 }, /guidance_scale must be a number from 1 to 10/],
    ['steps beyond the endpoint', { prompt: 'p', num_inference_steps: 9 }, /num_inference_steps must be a whole number from 1 to 8/],
    ['control images to an endpoint without them', { prompt: 'p', control_images: [{ image: png }] }, /control_images: endpoint ep-a takes no control images/],
    ['too many control images', { prompt: 'p', endpoint: 'ep-b', control_images: [{ image: png }, { image: png }] }, /control_images: endpoint ep-b takes at most 1/],
    ['a weight out of [0, 1]', { prompt: 'p', endpoint: 'ep-b', control_images: [{ image: png }], controlnet_weights: [1.5] }, /controlnet_weights\.0: each weight must be a number from 0 to 1/],
    ['weights not one per image', { prompt: 'p', endpoint: 'ep-b', control_images: [{ image: png }], controlnet_weights: [0.5, 0.5] }, /controlnet_weights must hold one weight per control image/],
    ['a control image by URL', { prompt: 'p', endpoint: 'ep-b', control_images: [{ image: 'https://example.com/a.png' }] }, /control_images\.0\.image: not a PNG, JPEG or WebP data: URL/],
    ['a control image that is not an image', { prompt: 'p', endpoint: 'ep-b', control_images: [{ image: `data:image/png;base64,${Buffer.from('GIF89a-not-really').toString('base64')}` }] }, /control_images\.0\.image: not a PNG, JPEG or WebP data: URL/],
    ['a control image over 4096 px a side', { prompt: 'p', endpoint: 'ep-b', control_images: [{ image: pngDataUrl(4097, 16) }] }, /control_images\.0\.image: is 4097×16 px: at most 4096 px a side/],
    ['a control image cut at 40 bytes', { prompt: 'p', endpoint: 'ep-b', control_images: [{ image: `data:image/png;base64,${pngBytes.subarray(0, 40).toString('base64')}` }] }, /control_images\.0\.image: is not a whole image/],
    ['a control image whose header claims 4096×4096 with almost no data', { prompt: 'p', endpoint: 'ep-b', control_images: [{ image: `data:image/png;base64,${Buffer.concat([pngHeader(4096, 4096), Buffer.alloc(32)]).toString('base64')}` }] }, /control_images\.0\.image: is not a whole image/],
  ])('/api/generate: %s', async (_, body, message) => {
    const res = await call(friendli.app, '/api/generate', body);
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(message);
    expect(posts()).toHaveLength(0);
  });

  it.each([
    ['an endpoint that does not edit', { prompt: 'p', image: { image: png } }, /endpoint ep-a does not take edits/],
    ['no image', { prompt: 'p', endpoint: 'ep-b' }, /image is required/],
    ['a source by URL', { prompt: 'p', endpoint: 'ep-b', image: { image: 'http://127.0.0.1/x.png' } }, /image\.0\.image: not a PNG, JPEG or WebP data: URL/],
    ['a source over 4096 px', { prompt: 'p', endpoint: 'ep-b', image: [{ image: png }, { image: pngDataUrl(16, 5000) }] }, /image\.1\.image: is 16×5000 px/],
    ['a source cut short', { prompt: 'p', endpoint: 'ep-b', image: { image: `data:image/png;base64,${pngBytes.subarray(0, pngBytes.length - 16).toString('base64')}` } }, /image\.0\.image: is not a whole image/],
    ['a header claiming 4096×4096 and nothing more', { prompt: 'p', endpoint: 'ep-b', image: { image: pngDataUrl(4096, 4096) } }, /image\.0\.image: is not a whole image/],
    ['an unknown adapter', { prompt: 'p', endpoint: 'ep-b', image: { image: png }, adapter: 'oil' }, /adapter must be one of/],
    ['guidance out of range', { prompt: 'p', endpoint: 'ep-b', image: { image: png }, guidance_scale: 0 }, /guidance_scale must be a number from 1 to 10/],
    ['control images (edits take none)', { prompt: 'p', endpoint: 'ep-b', image: { image: png }, control_images: [] }, /control_images/],
  ])('/api/edit: %s', async (_, body, message) => {
    const res = await call(friendli.app, '/api/edit', body);
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(message);
    expect(posts()).toHaveLength(0);
  });

  it('a body with images may reach IMAGE_INPUT_MB, one without keeps to 64 KiB', async () => {
    const big = `data:image/png;base64,${Buffer.concat([pngHeader(8, 8), Buffer.alloc(200 * 1024)]).toString('base64')}`;
    const withImage = await call(friendli.app, '/api/edit', { prompt: 'p', endpoint: 'ep-b', image: { image: big } });
    expect(withImage.status).not.toBe(413);
    const over = await call(friendli.app, '/api/edit', { prompt: 'p', endpoint: 'ep-b', image: { image: `data:image/png;base64,${'A'.repeat(1024 * 1024)}` } });
    expect(over.status).toBe(413);
    expect((await over.json()).error.message).toMatch(/IMAGE_INPUT_MB/);
    const plain = await call(friendli.app, '/api/generate', { prompt: 'p', padding: 'x'.repeat(70_000) });
    expect(plain.status).toBe(413);
  });
});

describe('POST /api/edit', () => {
  it('sends the edit upstream and answers with each image and the parameters it was made with', async () => {
    upstream.inject(edited);
    const res = await call(friendli.app, '/api/edit', { prompt: 'make the sky violet', endpoint: 'ep-b', adapter: 'watercolor', image: { image: png }, guidance_scale: 3, seed: 5, num_inference_steps: 6 });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.images[0]).toMatchObject({ seed: 5, num_inference_steps: 6, endpoint: 'ep-b', adapter: 'watercolor', guidance_scale: 3, mime: 'image/png', width: 16 });
    expect(posts()[0]).toMatchObject({ path: EDITS_PATH, body: { model: 'ep-b:watercolor', prompt: 'make the sky violet', image: { image: png }, guidance_scale: 3, seed: 5, num_inference_steps: 6, response_format: 'url' } });
    expect(posts()[0]!.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });
});

describe('input images go upstream as what their bytes are', () => {
  it('a PNG labelled text/html is sent labelled image/png', async () => {
    upstream.inject(edited);
    const mislabelled = png.replace('image/png', 'text/html');
    expect((await call(friendli.app, '/api/edit', { prompt: 'p', endpoint: 'ep-b', image: { image: mislabelled } })).status).toBe(200);
    expect((await call(friendli.app, '/api/generate', { prompt: 'p', endpoint: 'ep-b', control_images: [{ image: mislabelled }] })).status).toBe(200);
    const [edit, generation] = posts().map((r) => r.body as { image?: { image: string }; control_images?: { image: string }[] });
    expect(edit!.image).toEqual({ image: png });
    expect(generation!.control_images).toEqual([{ image: png }]);
  });
});

describe('edits meet upstream faults as generations do', () => {
  const edit = () => call(friendli.app, '/api/edit', { prompt: 'p', endpoint: 'ep-b', image: { image: png } });

  it('429: retried, then images', async () => {
    upstream.inject({ path: EDITS_PATH, status: 429 }, edited);
    expect((await edit()).status).toBe(200);
    expect(posts()).toHaveLength(2);
  });

  it('a connection dropped after the request was sent: not repeated', async () => {
    upstream.inject({ path: EDITS_PATH, kind: 'reset' });
    const res = await edit();
    expect(res.status).toBe(502);
    expect((await res.json()).error.code).toBe('upstream_interrupted');
    expect(posts()).toHaveLength(1);
  });

  it('the token echoed in an error is not passed on', async () => {
    upstream.inject({ path: EDITS_PATH, status: 400, body: { detail: `bad token ${TOKEN}` } });
    const res = await edit();
    const text = await res.text();
    expect(posts()).toHaveLength(1);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(JSON.parse(text).error.code).not.toBe('not_found');
    expect(text).not.toContain(TOKEN.slice(4));
    expect(text.toLowerCase()).not.toContain(TOKEN.slice(4).toLowerCase());
  });

  it('an answer over the cap is refused', async () => {
    upstream.inject({ path: EDITS_PATH, kind: 'huge', size: 2 * 1024 * 1024 });
    const res = await edit();
    expect(res.status).toBe(502);
    expect((await res.json()).error.message).toMatch(/more than 1048576 bytes/);
  });
});
