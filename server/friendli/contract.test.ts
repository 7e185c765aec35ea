// Contract: the client's requests validate against the official description of the protocol
// (server/protocol/friendli-images.openapi.yaml). That file is today's API, where `model` is
// required; the product's original API has no `model`, so both shapes are checked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { originalRequestBody, specSchema } from '../test/friendli-spec';
import { startFriendliTestServer } from '../test/friendli-test-server';
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
