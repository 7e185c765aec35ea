// The local engine as a FriendliAI dedicated endpoint: a Hono sub-app speaking the same protocol
// (POST /dedicated/v1/images/generations, and GET for its `url` results). The studio calls it
// in-process; it is also served over HTTP under /local for any Friendli SDK.
import { randomInt } from 'node:crypto';
import { Hono } from 'hono';
import { z } from 'zod';
import { SEED_MAX, RESPONSE_FORMATS } from '../contract';
import type { ImageStore } from '../image-store';
import { GENERATIONS_PATH } from '../friendli/protocol';
import type { LocalEngine } from './engine';

/** What the engine accepts: the protocol's body, with or without `model`; 1 to 50 steps, as today's API. */
const requestSchema = z.object({
  model: z.string().optional(),
  prompt: z.string().min(1, 'prompt must not be empty'),
  num_inference_steps: z.int('num_inference_steps must be an integer').min(1).max(50).default(4),
  guidance_scale: z.number().nullish(),
  seed: z.int('seed must be an integer').min(0).max(SEED_MAX).nullish(),
  response_format: z.enum(RESPONSE_FORMATS).nullish(),
});

/** FastAPI's shape for a 422, as FriendliAI sends it. */
const validationError = (issues: { path: PropertyKey[]; message: string; code: string }[]) => ({
  detail: issues.map((i) => ({ loc: ['body', ...i.path.map(String)], msg: i.message, type: i.code })),
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
      const format = parsed.data.response_format ?? 'url';
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
