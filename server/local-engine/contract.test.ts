// Contract: the local engine's answers validate against the official description of the protocol
// (server/protocol/friendli-images.openapi.yaml), with or without `model` in the request.
import { afterAll, describe, expect, it } from 'vitest';
import { createMemoryImageStore } from '../image-store';
import { RESPONSE_FORMATS } from '../protocol/fields';
import { GENERATIONS_PATH } from '../protocol/generations';
import { specSchema } from '../test/friendli-spec';
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
