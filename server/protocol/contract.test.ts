// Contract: the protocol's schemas, the client's requests and the local engine's responses validate
// against the official description vendored beside them (friendli-images.openapi.yaml). That file is
// today's API, where `model` is required; the product's original API has no `model`, so both are checked.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { editsRequestSchema } from './edits';
import { RESPONSE_FORMATS, STEPS_BOUNDS } from './fields';
import { createMemoryImageStore } from '../image-store';
import { createLocalEngineApp } from '../local-engine/app';
import { createLocalEngine } from '../local-engine/engine';
import { startFriendliTestServer } from '../test/friendli-test-server';
import { createFriendliClient } from '../friendli/client';
import { GENERATIONS_PATH, generationsRequestSchema } from './generations';

const specPath = fileURLToPath(new URL('./friendli-images.openapi.yaml', import.meta.url));
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

// Each optional field alone, all of them, and none: what the schema accepts, the spec accepts too.
const image = { image: 'data:image/png;base64,iVBORw0KGgo=' };
const editsBase = { model: 'ep-1', prompt: 'add a red car', image };
const editsOptional = { num_inference_steps: 20, guidance_scale: 3.5, seed: 7, response_format: 'png' };
const generationsBase = { model: 'ep-1', prompt: 'a quiet lake' };
const generationsOptional = { ...editsOptional, control_images: [image], controlnet_weights: [0.5] };
/** The base body; with every optional field; with each alone; and with each nullable one null. */
const variants = (base: object, optional: Record<string, unknown>) => [
  base,
  { ...base, ...optional },
  ...Object.entries(optional).map(([key, value]) => ({ ...base, [key]: value })),
  ...Object.keys(optional)
    .filter((key) => key !== 'num_inference_steps') // the one optional field the spec does not let be null
    .map((key) => ({ ...base, [key]: null })),
];

describe('protocol schemas', () => {
  const editBody = schema('DedicatedImageEditBody');

  it.each([...variants(editsBase, editsOptional), { ...editsBase, image: [image, image] }])('accept the edits body %j, as the spec does', (body) => {
    expect(editsRequestSchema.safeParse(body).success).toBe(true);
    expect(editBody(body), JSON.stringify(editBody.errors)).toBe(true);
  });

  it.each(variants(generationsBase, generationsOptional))('accept the generations body %j, as the spec does', (body) => {
    expect(generationsRequestSchema.safeParse(body).success).toBe(true);
    expect(requestBody(body), JSON.stringify(requestBody.errors)).toBe(true);
  });

  it.each([
    ['no image', { model: 'ep-1', prompt: 'p' }],
    ['an image without its URL', { ...editsBase, image: {} }],
    ['a text image', { ...editsBase, image: 'https://example.com/a.png' }],
    ['no prompt', { model: 'ep-1', image }],
  ])('refuse an edits body with %s, as the spec does', (_, body) => {
    expect(editsRequestSchema.safeParse(body).success).toBe(false);
    expect(editBody(body)).toBe(false);
  });

  it('bound what the spec describes in words: steps 1 to 50, ControlNet weights 0 to 1', () => {
    for (const steps of [STEPS_BOUNDS.min - 1, STEPS_BOUNDS.max + 1, 2.5]) {
      expect(editsRequestSchema.safeParse({ ...editsBase, num_inference_steps: steps }).success).toBe(false);
      expect(generationsRequestSchema.safeParse({ ...generationsBase, num_inference_steps: steps }).success).toBe(false);
    }
    expect(STEPS_BOUNDS).toEqual({ min: 1, max: 50 });
    for (const weight of [-0.1, 1.1]) expect(generationsRequestSchema.safeParse({ ...generationsBase, controlnet_weights: [weight] }).success).toBe(false);
  });
});
