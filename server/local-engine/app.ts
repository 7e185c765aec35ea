// The local engine as a FriendliAI dedicated endpoint: a Hono sub-app speaking the same protocol
// (POST /dedicated/v1/images/generations, and GET for its `url` results). The studio calls it
// in-process; it is also served over HTTP under /local for any Friendli SDK.
import { randomInt } from 'node:crypto';
import { Hono } from 'hono';
import { z } from 'zod';
import type { ImageStore } from '../image-store';
import { DEFAULT_FORMAT, SEED_MAX, numInferenceSteps } from '../protocol/fields';
import { GENERATIONS_PATH, generationsRequestSchema } from '../protocol/generations';
import { validationError } from '../protocol/validation-error';
import type { LocalEngine } from './engine';

/**
 * What the engine accepts: the protocol's generations body, with or without `model`, and 4 steps
 * when none are given (the engine's own default, not the spec's 20: it paints a preview).
 */
const requestSchema = generationsRequestSchema.extend({
  model: z.string().optional(),
  num_inference_steps: numInferenceSteps.default(4),
});

export function createLocalEngineApp(engine: LocalEngine, store: ImageStore) {
  return new Hono()
    .post(GENERATIONS_PATH, async (c) => {
      let body: unknown;
      try {
        body = await c.req.json();
      } catch {
        return c.json(validationError([{ path: [], message: 'JSON decode error', code: 'json_invalid' }]), 422);
      }
      const parsed = requestSchema.safeParse(body);
      if (!parsed.success) return c.json(validationError(parsed.error.issues), 422);
      const { prompt, num_inference_steps: steps } = parsed.data;
      // As the real API does, a missing seed is chosen here and reported back.
      const seed = parsed.data.seed ?? randomInt(0, SEED_MAX);
      const format = parsed.data.response_format ?? DEFAULT_FORMAT;
      const encoding = format === 'jpeg' || format === 'jpg' ? 'jpeg' : 'png';
      const bytes = await engine.generate({ prompt, seed, steps, encoding }, c.req.raw.signal);
      if (format === 'url') {
        const id = await store.put({ bytes, mime: encoding === 'png' ? 'image/png' : 'image/jpeg' });
        // Relative to this request's own URL, so it is right under any mount prefix or host.
        return c.json({ data: [{ seed, response_format: format, url: new URL(`files/${id}`, c.req.url).href }] });
      }
      return c.json({ data: [{ seed, response_format: format, b64_json: bytes.toString('base64') }] });
    })
    .get('/dedicated/v1/images/files/:id', async (c) => {
      const image = await store.get(c.req.param('id'));
      if (!image) return c.json({ detail: 'Not Found' }, 404);
      return c.body(image.bytes as Uint8Array<ArrayBuffer>, 200, { 'content-type': image.mime, 'cache-control': 'private, max-age=3600' });
    });
}
