// A Friendli Container endpoint ("kind": "container" in FRIENDLI_ENDPOINTS) through the app's API:
// /api/config says what it offers, /api/generate and /api/edit reach it at its own base URL with
// its own protocol (and its own token, or none), what it cannot take is refused with a reason, and
// a dedicated endpoint beside it keeps FRIENDLI_TOKEN and the team to itself.
import sharp from 'sharp';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp, loadAppConfig } from './app';
import { createLogger } from './errors';
import { describeUpstreams } from './friendli/upstreams';
import { CONTAINER_EDITS_PATH, CONTAINER_GENERATIONS_PATH } from './protocol/container';
import { GENERATIONS_PATH } from './protocol/generations';
import { containerSpecSchema } from './test/friendli-spec';
import { startFriendliTestServer } from './test/friendli-test-server';

const json = { 'content-type': 'application/json' };
type App = ReturnType<typeof createApp>['app'];
const call = (app: App, path: string, body: unknown) => app.request(path, { method: 'POST', headers: json, body: JSON.stringify(body) });
const png = `data:image/png;base64,${(await sharp({ create: { width: 8, height: 8, channels: 3, background: '#468' } }).png().toBuffer()).toString('base64')}`;

// Token-shaped, built so none is committed.
const TOKEN = ['flp', 'DedicatedOnly0123456789'].join('_');
const BOX_TOKEN = ['box', 'ContainerSecret0123456789'].join('_');

let upstream: Awaited<ReturnType<typeof startFriendliTestServer>>;
let studio: ReturnType<typeof createApp>;
const lines: string[] = [];
beforeAll(async () => {
  upstream = await startFriendliTestServer({ size: 64 });
  await fetch(`${upstream.url}${GENERATIONS_PATH}`, { method: 'POST', headers: json, body: '{"prompt": "warm up"}' });
  const endpoints = [
    { id: 'box', name: 'Our box', kind: 'container', base_url: upstream.url, adapters: ['watercolor'], edit: true, control_images: 1 },
    { id: 'box-locked', kind: 'container', base_url: `${upstream.url}/`, token_env: 'BOX_TOKEN' },
    { id: 'ep-a' },
  ];
  studio = createApp({
    config: loadAppConfig({ FRIENDLI_TOKEN: TOKEN, FRIENDLI_TEAM: 'team-1', FRIENDLI_BASE_URL: upstream.url, FRIENDLI_ENDPOINTS: JSON.stringify(endpoints), BOX_TOKEN, RATE_LIMIT_PER_MINUTE: '0' }),
    logger: createLogger([TOKEN, BOX_TOKEN], (l) => lines.push(l)),
    clientOptions: { retryBaseMs: 5, retryMaxMs: 20, timeoutMs: 5000 },
  });
});
afterAll(async () => {
  await upstream.close();
  await studio.engine.close();
  for (const line of lines) expect(line).not.toMatch(/DedicatedOnly|ContainerSecret/);
});
beforeEach(() => {
  upstream.requests.length = 0;
});
const posts = () => upstream.requests.filter((r) => r.method === 'POST');

describe('a container endpoint in GET /api/config', () => {
  it('says its kind and formats, and never its address or token', async () => {
    const body = await (await studio.app.request('/api/config')).json();
    expect(body.endpoints[0]).toMatchObject({ id: 'box', kind: 'container', formats: ['raw', 'jpeg'], default_format: 'jpeg', edit: true, control_images: 1 });
    expect(body.endpoints[2]).toMatchObject({ id: 'ep-a', kind: 'dedicated', default_format: 'url' });
    // The default endpoint's formats are the top-level ones.
    expect(body).toMatchObject({ formats: ['raw', 'jpeg'], default_format: 'jpeg' });
    expect(JSON.stringify(body)).not.toMatch(/127\.0\.0\.1|DedicatedOnly|ContainerSecret|BOX_TOKEN/);
  });
});

describe('generating and editing on a container endpoint', () => {
  it('generates through POST /v1/images/generations: jpeg by default, the adapter as model, the seed it sent reported, the image served', async () => {
    const res = await call(studio.app, '/api/generate', { prompt: 'a quiet lake', endpoint: 'box', adapter: 'watercolor', guidance_scale: 3 });
    expect(res.status).toBe(200);
    const { images } = await res.json();
    const [sent] = posts();
    expect(sent!.path).toBe(CONTAINER_GENERATIONS_PATH);
    expect(containerSpecSchema('ContainerImageGenerationBody')(sent!.body)).toBe(true);
    expect(sent!.body).toMatchObject({ prompt: 'a quiet lake', model: 'watercolor', response_format: 'jpeg', guidance_scale: 3, num_inference_steps: 20 });
    expect(images[0]).toMatchObject({ endpoint: 'box', adapter: 'watercolor', seed: (sent!.body as { seed: number }).seed, response_format: 'jpeg', mime: 'image/jpeg' });
    const image = await studio.app.request(images[0].url);
    expect(image.headers.get('content-type')).toBe('image/jpeg');
    // No token configured for it: none sent, and neither FRIENDLI_TOKEN nor the team.
    expect(sent!.headers).not.toHaveProperty('authorization');
    expect(sent!.headers).not.toHaveProperty('x-friendli-team');
  });

  it('reproduces an image by its seed: the same request gives the same bytes', async () => {
    const first = (await (await call(studio.app, '/api/generate', { prompt: 'p', endpoint: 'box', seed: 77, response_format: 'raw' })).json()).images[0];
    const again = (await (await call(studio.app, '/api/generate', { prompt: 'p', endpoint: 'box', seed: 77, response_format: 'raw' })).json()).images[0];
    expect(first).toMatchObject({ seed: 77, mime: 'image/png' });
    expect(Buffer.from(await (await studio.app.request(again.url)).arrayBuffer())).toEqual(Buffer.from(await (await studio.app.request(first.url)).arrayBuffer()));
  });

  it('edits through POST /v1/images/edits, and takes control images', async () => {
    const edit = await call(studio.app, '/api/edit', { prompt: 'make it violet', endpoint: 'box', image: { image: png }, seed: 3 });
    expect(edit.status).toBe(200);
    expect((await edit.json()).images[0]).toMatchObject({ seed: 3, endpoint: 'box' });
    const controlled = await call(studio.app, '/api/generate', { prompt: 'p', endpoint: 'box', control_images: [{ image: png }], controlnet_weights: [0.5] });
    expect(controlled.status).toBe(200);
    expect(posts().map((r) => r.path)).toEqual([CONTAINER_EDITS_PATH, CONTAINER_GENERATIONS_PATH]);
    expect(containerSpecSchema('ContainerImageEditBody')(posts()[0]!.body)).toBe(true);
  });

  it.each(['url', 'png', 'jpg'])('refuses response_format %s with a reason, sending nothing', async (format) => {
    const res = await call(studio.app, '/api/generate', { prompt: 'p', endpoint: 'box', response_format: format });
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toBe('response_format: endpoint box (a Friendli Container) answers with raw or jpeg only');
    expect(posts()).toEqual([]);
  });

  it('sends the token token_env names to that container only, and FRIENDLI_TOKEN with the team to the dedicated endpoint only', async () => {
    expect((await call(studio.app, '/api/generate', { prompt: 'p', endpoint: 'box-locked' })).status).toBe(200);
    expect((await call(studio.app, '/api/generate', { prompt: 'p', endpoint: 'ep-a', response_format: 'png' })).status).toBe(200);
    const [locked, dedicated] = posts();
    expect(locked).toMatchObject({ path: CONTAINER_GENERATIONS_PATH, headers: { authorization: `Bearer ${BOX_TOKEN}` } });
    expect(locked!.headers).not.toHaveProperty('x-friendli-team');
    expect(locked!.body).not.toHaveProperty('model');
    expect(dedicated).toMatchObject({ path: GENERATIONS_PATH, headers: { authorization: `Bearer ${TOKEN}`, 'x-friendli-team': 'team-1' }, body: { model: 'ep-a' } });
  });

  it("maps the container's failures with the same retries, naming it, and never shows its token", async () => {
    upstream.inject({ path: CONTAINER_GENERATIONS_PATH, status: 500 });
    expect((await call(studio.app, '/api/generate', { prompt: 'p', endpoint: 'box' })).status).toBe(200);
    upstream.inject({ path: CONTAINER_GENERATIONS_PATH, status: 422, body: { detail: [{ loc: ['body', 'prompt'], msg: `bad ${BOX_TOKEN}`, type: 'x' }] } });
    const res = await call(studio.app, '/api/generate', { prompt: 'p', endpoint: 'box-locked' });
    expect(res.status).toBe(422);
    const text = await res.text();
    expect(text).toContain('The Friendli Container of endpoint box-locked rejected the request');
    expect(text).not.toContain('ContainerSecret');
  });
});

describe('the start-up line (describeUpstreams)', () => {
  it('names FriendliAI and each container at its address, never a token', () => {
    const line = describeUpstreams(loadAppConfig({ FRIENDLI_TOKEN: TOKEN, FRIENDLI_ENDPOINTS: JSON.stringify([{ id: 'ep-a' }, { id: 'box', kind: 'container', token_env: 'BOX_TOKEN' }]), BOX_TOKEN }));
    expect(line).toBe('FriendliAI at https://api.friendli.ai, endpoint ep-a; Friendli Container box at http://localhost:8000 (with its token)');
    expect(describeUpstreams(loadAppConfig({ FRIENDLI_ENDPOINTS: '[{"id": "box", "kind": "container"}]' }))).toBe('Friendli Container box at http://localhost:8000');
  });
});
