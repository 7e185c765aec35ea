// Contract: the client's requests validate against the official description of the protocol
// (server/protocol/friendli-images.openapi.yaml). That file is today's API, where `model` is
// required; the product's original API has no `model`, so both shapes are checked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { originalRequestBody, specSchema } from '../test/friendli-spec';
import { startFriendliTestServer } from '../test/friendli-test-server';
import { EDITS_PATH } from '../protocol/edits';
import { createFriendliClient } from './client';

const requestBody = specSchema('DedicatedImageGenerationBody');

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

describe("the client's generate and edit requests, with and without each optional field", () => {
  const editBody = specSchema('DedicatedImageEditBody');
  const png = 'data:image/png;base64,iVBORw0KGgo=';
  /** A client whose fetch records the body it sends and answers with one image. */
  function recording() {
    const sent: unknown[] = [];
    const client = createFriendliClient({
      baseUrl: 'http://upstream.test',
      token: 't',
      model: 'ep-1',
      fetch: async (_input, init) => {
        sent.push(JSON.parse(String(init?.body)));
        return Response.json({ data: [{ seed: 1, response_format: 'png', b64_json: 'iVBORw0KGgo=' }] });
      },
    });
    return { client, sent };
  }

  it.each([
    ['only the prompt', { prompt: 'p' }],
    ['steps, seed and format', { prompt: 'p', num_inference_steps: 4, seed: 1, response_format: 'png' as const }],
    ['an adapter in model', { prompt: 'p', model: 'ep-1:watercolor' }],
    ['guidance', { prompt: 'p', guidance_scale: 7.5 }],
    ['null guidance', { prompt: 'p', guidance_scale: null }],
    ['control images and weights', { prompt: 'p', control_images: [{ image: png }, { image: png }], controlnet_weights: [0, 1] }],
  ])('generate with %s validates against the spec', async (_, params) => {
    const { client, sent } = recording();
    await client.generate(params);
    expect(requestBody(sent[0]), JSON.stringify(requestBody.errors)).toBe(true);
    expect(sent[0]).toMatchObject({ model: 'ep-1', ...params });
  });

  it.each([
    ['one image', { prompt: 'p', image: { image: png } }],
    ['a list of images', { prompt: 'p', image: [{ image: png }, { image: png }] }],
    ['steps, seed and format', { prompt: 'p', image: { image: png }, num_inference_steps: 4, seed: 1, response_format: 'jpeg' as const }],
    ['an adapter in model', { prompt: 'p', image: { image: png }, model: 'ep-1:watercolor' }],
    ['guidance', { prompt: 'p', image: { image: png }, guidance_scale: 2 }],
    ['null guidance', { prompt: 'p', image: { image: png }, guidance_scale: null }],
  ])('edit with %s validates against the spec', async (_, params) => {
    const { client, sent } = recording();
    await client.edit(params);
    expect(editBody(sent[0]), JSON.stringify(editBody.errors)).toBe(true);
    expect(sent[0]).toMatchObject({ model: 'ep-1', ...params });
  });

  it('edit posts to the edits path', async () => {
    const paths: string[] = [];
    const client = createFriendliClient({
      baseUrl: 'http://upstream.test',
      fetch: async (input) => {
        paths.push(new URL(String(input instanceof Request ? input.url : input)).pathname);
        return Response.json({ data: [{ seed: 1, response_format: 'png', b64_json: 'iVBORw0KGgo=' }] });
      },
    });
    await client.edit({ prompt: 'p', image: { image: png } });
    expect(paths).toEqual([EDITS_PATH]);
  });
});
