// A per-client limit on generation (a token bucket per client address): a runaway script or a
// stuck key cannot spend the token unchecked. Refusals say when to come back (Retry-After).
import type { MiddlewareHandler } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { AppError } from './errors';

export function rateLimit({ perMinute, now = Date.now }: { perMinute: number; now?: () => number }): MiddlewareHandler {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const refillPerMs = perMinute / 60_000;
  return async (c, next) => {
    if (perMinute <= 0) return next();
    let client = 'local';
    try {
      client = getConnInfo(c).remote.address ?? client;
    } catch {
      // In-process requests (tests, the bench) have no socket: one shared bucket.
    }
    const t = now();
    const bucket = buckets.get(client) ?? { tokens: perMinute, at: t };
    bucket.tokens = Math.min(perMinute, bucket.tokens + (t - bucket.at) * refillPerMs);
    bucket.at = t;
    if (bucket.tokens < 1) {
      const seconds = Math.max(1, Math.ceil((1 - bucket.tokens) / refillPerMs / 1000));
      buckets.set(client, bucket);
      throw new AppError(429, 'too_many_requests', `This studio allows ${perMinute} generations a minute from one client; try again in ${seconds} s.`, { retryAfterSeconds: seconds });
    }
    bucket.tokens -= 1;
    buckets.set(client, bucket);
    // Forget clients that have been quiet long enough to be full again.
    if (buckets.size > 10_000) for (const [key, b] of buckets) if (t - b.at > 60_000) buckets.delete(key);
    await next();
  };
}
