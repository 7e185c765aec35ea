// Contract: the client's requests validate against the official descriptions of the protocols
// (server/protocol/friendli-images.openapi.yaml; friendli-container-images.openapi.yaml for a
// Friendli Container). The dedicated file is today's API, where `model` is required; the
// product's original API has no `model`, so both shapes are checked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { containerSpecFields, containerSpecSchema, originalRequestBody, specSchema } from '../test/friendli-spec';
import { startFriendliTestServer } from '../test/friendli-test-server';
import { CONTAINER_EDITS_PATH, CONTAINER_GENERATIONS_PATH } from '../protocol/container';
import { EDITS_PATH } from '../protocol/edits';
import { sniffImage } from '../sniff';
import { createFriendliClient } from './client';
import { containerNames } from './upstream-errors';

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

describe('the client speaking to a Friendli Container (protocol: container)', () => {
  const generationsBody = containerSpecSchema('ContainerImageGenerationBody');
  const editBody = containerSpecSchema('ContainerImageEditBody');
  const png = 'data:image/png;base64,iVBORw0KGgo=';
  let upstream: Awaited<ReturnType<typeof startFriendliTestServer>>;
  beforeAll(async () => {
    upstream = await startFriendliTestServer({ size: 64 });
  });
  afterAll(() => upstream.close());
  const container = (options: Partial<Parameters<typeof createFriendliClient>[0]> = {}) =>
    createFriendliClient({ baseUrl: upstream.url, protocol: 'container', names: containerNames('box'), retryBaseMs: 1, retryMaxMs: 2, ...options });

  it('generates at POST /v1/images/generations with a body the spec describes, no token, and reports the seed it sent', async () => {
    const [item] = await container().generate({ prompt: 'a quiet lake', num_inference_steps: 3, guidance_scale: 2, response_format: 'jpeg' });
    const sent = upstream.requests.at(-1)!;
    expect(sent.path).toBe(CONTAINER_GENERATIONS_PATH);
    expect(generationsBody(sent.body), JSON.stringify(generationsBody.errors)).toBe(true);
    expect(Object.keys(sent.body as object).every((k) => containerSpecFields('ContainerImageGenerationBody').includes(k))).toBe(true);
    expect(sent.headers).not.toHaveProperty('authorization');
    expect(sent.headers).not.toHaveProperty('x-friendli-team');
    // The container's answer carries no seed: the one sent (chosen here when none was asked for) is the one reported.
    const seed = (sent.body as { seed: number }).seed;
    expect(Number.isInteger(seed)).toBe(true);
    expect(item).toMatchObject({ seed, response_format: 'jpeg' });
    expect(sniffImage(Buffer.from((item as { b64_json: string }).b64_json, 'base64'))?.mime).toBe('image/jpeg');
  });

  it('edits at POST /v1/images/edits, sending Authorization only when given a token', async () => {
    const token = ['flp', 'ContainerToken0123456789'].join('_');
    const source = (await container().generate({ prompt: 'a source', seed: 1, response_format: 'raw' }))[0] as { b64_json: string };
    const [item] = await container({ token }).edit({ prompt: 'make it violet', image: { image: `data:image/png;base64,${source.b64_json}` }, seed: 4, response_format: 'raw' });
    const sent = upstream.requests.at(-1)!;
    expect(sent.path).toBe(CONTAINER_EDITS_PATH);
    expect(editBody(sent.body), JSON.stringify(editBody.errors)).toBe(true);
    expect(sent.headers.authorization).toBe(`Bearer ${token}`);
    expect(item).toMatchObject({ seed: 4, response_format: 'raw' });
    expect(sniffImage(Buffer.from((item as { b64_json: string }).b64_json, 'base64'))?.mime).toBe('image/png');
  });

  /** A container client whose fetch records the body it sends and answers with one image. */
  function recording() {
    const sent: unknown[] = [];
    const client = createFriendliClient({
      baseUrl: 'http://container.test',
      protocol: 'container',
      model: 'ep-1', // a dedicated endpoint id: never sent to a container
      fetch: async (_input, init) => {
        sent.push(JSON.parse(String(init?.body)));
        return Response.json({ image: 'iVBORw0KGgo=' });
      },
    });
    return { client, sent };
  }

  it.each([
    ['only the prompt', { prompt: 'p' }],
    ['steps, seed and format', { prompt: 'p', num_inference_steps: 4, seed: 1, response_format: 'raw' as const }],
    ['an adapter route in model', { prompt: 'p', model: 'watercolor' }],
    ['guidance', { prompt: 'p', guidance_scale: 7.5 }],
    ['control images and weights', { prompt: 'p', control_images: [{ image: png }, { image: png }], controlnet_weights: [0, 1] }],
  ])('generate with %s validates against the container spec', async (_, params) => {
    const { client, sent } = recording();
    await client.generate(params);
    expect(generationsBody(sent[0]), JSON.stringify(generationsBody.errors)).toBe(true);
    expect(sent[0]).toMatchObject(params);
    if (!('model' in params)) expect(sent[0]).not.toHaveProperty('model');
  });

  it.each([
    ['one image', { prompt: 'p', image: { image: png } }],
    ['a list of images', { prompt: 'p', image: [{ image: png }, { image: png }] }],
    ['steps, seed, format and an adapter', { prompt: 'p', image: { image: png }, num_inference_steps: 4, seed: 1, response_format: 'jpeg' as const, model: 'watercolor' }],
  ])('edit with %s validates against the container spec', async (_, params) => {
    const { client, sent } = recording();
    await client.edit(params);
    expect(editBody(sent[0]), JSON.stringify(editBody.errors)).toBe(true);
    expect(sent[0]).toMatchObject(params);
  });

  it.each([
    ['a url format', { prompt: 'p', response_format: 'url' as const }, /response_format/],
    ['a png format', { prompt: 'p', response_format: 'png' as const }, /response_format/],
    ['a null guidance', { prompt: 'p', guidance_scale: null }, /guidance_scale/],
  ])('refuses %s before sending anything, rather than dropping it', async (_, params, field) => {
    const { client, sent } = recording();
    const error = await client.generate(params).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 400, code: 'invalid_request', message: expect.stringMatching(field) });
    expect(sent).toEqual([]);
  });

  it('maps its errors as for FriendliAI, naming the container and where it is configured', async () => {
    upstream.inject({ path: CONTAINER_GENERATIONS_PATH, status: 503 }, { path: CONTAINER_GENERATIONS_PATH, status: 503 });
    // Retried, as a dedicated upstream's 503 is.
    await expect(container().generate({ prompt: 'p' })).resolves.toHaveLength(1);
    upstream.inject({ path: CONTAINER_GENERATIONS_PATH, status: 422, body: { detail: [{ loc: ['body', 'prompt'], msg: 'too long', type: 'value_error' }] } });
    await expect(container().generate({ prompt: 'p' })).rejects.toMatchObject({ status: 422, code: 'upstream_validation', message: 'The Friendli Container of endpoint box rejected the request: prompt: too long' });
    upstream.inject({ path: CONTAINER_GENERATIONS_PATH, status: 401 });
    await expect(container().generate({ prompt: 'p' })).rejects.toMatchObject({ code: 'upstream_auth', message: expect.stringContaining('token_env of endpoint box') });
    upstream.inject({ path: CONTAINER_GENERATIONS_PATH, status: 200, body: { data: [{ seed: 1, response_format: 'png', b64_json: 'x' }] } });
    await expect(container().generate({ prompt: 'p' })).rejects.toMatchObject({ status: 502, code: 'upstream_bad_response', message: expect.stringContaining('image') });
    const refused = async () => {
      throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
    };
    await expect(container({ fetch: refused, maxRetries: 0 }).generate({ prompt: 'p' })).rejects.toMatchObject({ code: 'upstream_unreachable', message: expect.stringContaining('base_url of endpoint box') });
  });
});
