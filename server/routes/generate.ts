// POST /generate: validates the body, calls the upstream through the one client, and turns every
// result (b64 or url) into bytes in the image store behind a same-origin URL.
import { zValidator } from '@hono/zod-validator';
import { Hono, type MiddlewareHandler } from 'hono';
import type { GenerateResponse, GeneratedImage } from '../contract';
import { generateRequestSchema } from './generate-request';
import type { Config } from '../config';
import { AppError } from '../errors';
import type { FriendliClient } from '../friendli/client';
import type { ImageStore } from '../image-store';
import type { Limiter } from '../http/limiter';
import { parseJson } from '../http/parse-json';
import { DEFAULT_FORMAT } from '../protocol/fields';
import { sniffImage } from '../sniff';

export interface GenerateRouteDeps {
  config: Config;
  client: FriendliClient;
  store: ImageStore;
  /** The per-client rate limit and the server-wide upstream limiter, shared with /local. */
  rateLimit: MiddlewareHandler;
  limiter: Limiter;
}

export function generateRoutes({ config, client, store, rateLimit, limiter }: GenerateRouteDeps) {
  const schema = generateRequestSchema(config.steps);
  return new Hono().post(
    '/generate',
    rateLimit,
    parseJson,
    zValidator('json', schema, (result) => {
      if (!result.success) {
        const details = result.error.issues.map((i) => (i.path.length && !i.message.startsWith(String(i.path[0])) ? `${i.path.join('.')}: ${i.message}` : i.message));
        throw new AppError(400, 'invalid_request', details.join('; '), { details });
      }
    }),
    async (c) => {
      const body = c.req.valid('json');
      const signal = c.req.raw.signal;
      const started = performance.now();
      // The only place the server fills in a default: what the browser left out, the route decides.
      const request = {
        prompt: body.prompt,
        num_inference_steps: body.num_inference_steps ?? config.steps.default,
        ...(body.seed != null ? { seed: body.seed } : {}),
        response_format: body.response_format ?? DEFAULT_FORMAT,
      };
      const items = await limiter.run(() => client.generate(request, signal), signal);
      const images = await Promise.all(
        items.map(async (item): Promise<GeneratedImage> => {
          // Only a URL the upstream itself returned is ever fetched: this is not an open proxy.
          const bytes = 'b64_json' in item ? Buffer.from(item.b64_json, 'base64') : await client.download(item.url, signal);
          const info = sniffImage(bytes);
          if (!info) throw new AppError(502, 'upstream_bad_response', 'FriendliAI returned bytes that are not a PNG, JPEG or WebP image.');
          const id = await store.put({ bytes, mime: info.mime });
          return { id, url: `/api/images/${id}`, seed: item.seed, num_inference_steps: request.num_inference_steps, response_format: request.response_format, bytes: bytes.byteLength, ...info };
        }),
      );
      const response: GenerateResponse = { engine: config.engine, elapsed_ms: Math.round(performance.now() - started), images };
      return c.json(response);
    },
  );
}
