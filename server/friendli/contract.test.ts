// Contract: the client's requests and the local engine's responses validate against the official
// description vendored in server/protocol/friendli-images.openapi.yaml. That file is today's API, where `model`
// is required; the product's original API has no `model`, so both shapes are checked.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { RESPONSE_FORMATS } from '../contract';
import { createMemoryImageStore } from '../image-store';
import { createLocalEngineApp } from '../local-engine/app';
import { createLocalEngine } from '../local-engine/engine';
import { startFriendliTestServer } from '../test/friendli-test-server';
import { createFriendliClient } from './client';
import { GENERATIONS_PATH } from './protocol';

const specPath = fileURLToPath(new URL('../protocol/friendli-images.openapi.yaml', import.meta.url));
const spec = parse(readFileSync(specPath, 'utf8'));
const ajv = new Ajv2020({ strict: false, allErrors: true });
ajv.addFormat('binary', true); // OpenAPI's marker for b64 text; any string
ajv.addSchema(spec, 'spec');
const schema = (name: string) => ajv.getSchema(`spec#/components/schemas/${name}`)!;
const requestBody = schema('DedicatedImageGenerationBody');
const successBody = schema('DedicatedImageGenerateSuccess');
// The product's original API: the same body, with no `model` required.
const { required, ...bodyWithoutRequired } = spec.components.schemas.DedicatedImageGenerationBody;
const originalRequestBody = ajv.compile(
  JSON.parse(JSON.stringify({ ...bodyWithoutRequired, required: required.filter((r: string) => r !== 'model') }).replaceAll('"#/components', '"spec#/components')),
);

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
});

describe('client requests', () => {
  let upstream: Awaited<ReturnType<typeof startFriendliTestServer>>;
  beforeAll(async () => {
    upstream = await startFriendliTestServer({ size: 64 });
  });
  afterAll(() => upstream.close());

  it("validate against today's API when an endpoint id is configured", async () => {
    await createFriendliClient({ baseUrl: upstream.url, token: 't', model: 'ep-1' }).generate({ prompt: 'p', num_inference_steps: 4, seed: 1, response_format: 'url' });
    const sent = upstream.requests.at(-1)!.body;
    expect(requestBody(sent), JSON.stringify(requestBody.errors)).toBe(true);
  });

  it("validate against the product's original API, with no model, when none is configured", async () => {
    await createFriendliClient({ baseUrl: upstream.url, token: 't' }).generate({ prompt: 'p', num_inference_steps: 4, response_format: 'jpeg' });
    const sent = upstream.requests.at(-1)!.body;
    expect(sent).not.toHaveProperty('model');
    expect(originalRequestBody(sent)).toBe(true);
    // And the official schema does flag it, which is why FRIENDLI_ENDPOINT_ID matters for today's API.
    expect(requestBody(sent)).toBe(false);
  });
});
