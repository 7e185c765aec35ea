// Contract: the local engine's answers validate against the official description of the protocol
// (server/protocol/friendli-images.openapi.yaml), with or without `model` in the request.
import { afterAll, describe, expect, it } from 'vitest';
import { createMemoryImageStore } from '../image-store';
import { RESPONSE_FORMATS } from '../protocol/fields';
import { CONTAINER_EDITS_PATH, CONTAINER_GENERATIONS_PATH } from '../protocol/container';
import { EDITS_PATH } from '../protocol/edits';
import { GENERATIONS_PATH } from '../protocol/generations';
import { sniffImage } from '../sniff';
import { containerSpecSchema, specSchema } from '../test/friendli-spec';
import { createLocalEngineApp } from './app';
import { createLocalEngine } from './engine';

const successBody = specSchema('DedicatedImageGenerateSuccess');

describe('local engine responses', () => {
  const engine = createLocalEngine({ size: 64, threads: 1 });
  const app = createLocalEngineApp(engine, createMemoryImageStore({ maxBytes: 1 << 24 }));
  afterAll(() => engine.close());
  const post = (body: unknown) => app.request(GENERATIONS_PATH, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it.each(RESPONSE_FORMATS)('validate for response_format %s', async (format) => {
    const response = await post({ model: 'local', prompt: 'a quiet lake', num_inference_steps: 4, seed: 5, response_format: format });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(successBody(body), JSON.stringify(successBody.errors)).toBe(true);
    expect(body.data[0]).toMatchObject({ seed: 5, response_format: format });
    expect(Object.keys(body.data[0]).sort()).toEqual(format === 'url' ? ['response_format', 'seed', 'url'] : ['b64_json', 'response_format', 'seed']);
  });

  it('accept requests with and without model, and report the seed chosen when none was given', async () => {
    for (const body of [{ model: 'anything', prompt: 'x' }, { prompt: 'x' }]) {
      const response = await post(body);
      expect(response.status).toBe(200);
      const json = await response.json();
      expect(successBody(json)).toBe(true);
      expect(Number.isInteger(json.data[0].seed)).toBe(true);
    }
  });

  it('answer bad requests with a FastAPI-style 422', async () => {
    const response = await post({ prompt: '', num_inference_steps: 51 });
    expect(response.status).toBe(422);
    const { detail } = await response.json();
    expect(detail.map((d: { loc: string[] }) => d.loc.join('.'))).toEqual(['body.prompt', 'body.num_inference_steps']);
  });

  it('check the fields they ignore as the protocol describes them', async () => {
    const response = await post({ prompt: 'x', controlnet_weights: [2], control_images: [{}] });
    expect(response.status).toBe(422);
    const { detail } = await response.json();
    expect(detail.map((d: { loc: string[] }) => d.loc.join('.'))).toEqual(['body.control_images.0.image', 'body.controlnet_weights.0']);
  });
});

describe('local engine responses as a Friendli Container (POST /v1/images/…)', () => {
  const engine = createLocalEngine({ size: 64, threads: 1 });
  const app = createLocalEngineApp(engine, createMemoryImageStore({ maxBytes: 1 << 24 }));
  afterAll(() => engine.close());
  const post = (path: string, body: unknown) => app.request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const result = containerSpecSchema('ImageGenerationContainerResult');
  const source = { image: 'data:image/png;base64,iVBORw0KGgo=' };

  it.each([
    ['raw', 'image/png'],
    ['jpeg', 'image/jpeg'],
    [null, 'image/jpeg'],
  ] as const)('answer { image } for response_format %s (%s), as the spec describes', async (format, mime) => {
    const response = await post(CONTAINER_GENERATIONS_PATH, { prompt: 'a quiet lake', num_inference_steps: 4, seed: 5, ...(format ? { response_format: format } : {}) });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(result(body), JSON.stringify(result.errors)).toBe(true);
    expect(Object.keys(body)).toEqual(['image']);
    expect(sniffImage(Buffer.from(body.image, 'base64'))?.mime).toBe(mime);
  });

  it('render the same bytes as the dedicated protocol for the same request (one engine, one determinism)', async () => {
    const request = { prompt: 'a red teapot', num_inference_steps: 3, seed: 42, guidance_scale: 6 };
    const container = await (await post(CONTAINER_GENERATIONS_PATH, { ...request, response_format: 'raw', model: 'watercolor' })).json();
    const dedicated = await (await post(GENERATIONS_PATH, { ...request, response_format: 'png', model: 'local:watercolor' })).json();
    expect(container.image).toBe(dedicated.data[0].b64_json);
    // The adapter in `model` is the route alone: without it the picture differs.
    const plain = await (await post(CONTAINER_GENERATIONS_PATH, { ...request, response_format: 'raw', model: null })).json();
    expect(plain.image).not.toBe(container.image);
  });

  it('edit as the spec describes, the same bytes as a dedicated edit', async () => {
    const png = (await (await post(CONTAINER_GENERATIONS_PATH, { prompt: 'a source', seed: 1, response_format: 'raw' })).json()).image;
    const image = { image: `data:image/png;base64,${png}` };
    const edit = { prompt: 'make it violet', seed: 9, num_inference_steps: 3 };
    const container = await post(CONTAINER_EDITS_PATH, { ...edit, image, response_format: 'raw' });
    expect(container.status).toBe(200);
    const body = await container.json();
    expect(result(body)).toBe(true);
    const dedicated = await (await post(EDITS_PATH, { ...edit, image: [image], response_format: 'png' })).json();
    expect(body.image).toBe(dedicated.data[0].b64_json);
  });

  it('answer what the container does not take with a FastAPI-style 422', async () => {
    const refusals = [
      await post(CONTAINER_GENERATIONS_PATH, { prompt: 'p', response_format: 'url' }),
      await post(CONTAINER_GENERATIONS_PATH, { prompt: 'p', response_format: 'png' }),
      await post(CONTAINER_GENERATIONS_PATH, { prompt: 'p', model: 'local:watercolor' }),
      await post(CONTAINER_EDITS_PATH, { prompt: 'p' }),
      await post(CONTAINER_EDITS_PATH, { prompt: 'p', image: source, guidance_scale: null }),
    ];
    expect(refusals.map((r) => r.status)).toEqual([422, 422, 422, 422, 422]);
    const locs = await Promise.all(refusals.map(async (r) => (await r.json()).detail.map((d: { loc: string[] }) => d.loc.join('.'))));
    expect(locs).toEqual([['body.response_format'], ['body.response_format'], ['body.model'], ['body.image'], ['body.guidance_scale']]);
  });
});
