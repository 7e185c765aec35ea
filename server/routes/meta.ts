// GET /health and GET /config: what the browser needs to draw the form (never the token).
import { Hono } from 'hono';
import type { Config } from '../config';

export function metaRoutes(config: Config) {
  const body = {
    engine: config.engine,
    steps: config.steps,
    // The default endpoint's (each endpoint lists its own: a container answers raw and jpeg only).
    formats: config.endpoints[0]!.formats,
    default_format: config.endpoints[0]!.default_format,
    /** The browser queue's limit: the server decides, so a burst never trips upstream rate limits. */
    concurrency: config.browserConcurrency,
    // Which FriendliAI endpoint answers (an id, not a secret), so the studio can record it.
    endpoint: config.engine === 'local' ? 'local-engine' : (config.endpointId ?? null),
    /** Every endpoint with its capabilities; the first is the default (its values are those above). */
    endpoints: config.endpoints,
    /** The largest body that carries images, in bytes. */
    image_input_bytes: config.imageInputBytes,
  };
  return new Hono()
    .get('/health', (c) => c.json({ ok: true as const }))
    .get('/config', (c) => c.json(body));
}
