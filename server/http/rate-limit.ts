// A per-client limit on generation (a token bucket per client): a runaway script or a stuck key
// cannot spend the token unchecked. Refusals say when to come back (Retry-After). One machine is
// one client: IPv4-mapped IPv6 is keyed as IPv4, every loopback address as one, IPv6 by its /64.
// Not hono-rate-limiter: its stores count fixed windows, so a client may start twice the limit
// across a window's edge; this token bucket refills steadily and is a few lines.
import { isIPv4 } from 'node:net';
import type { MiddlewareHandler } from 'hono';
import ipaddr from 'ipaddr.js';
import { getConnInfo } from '@hono/node-server/conninfo';
import { AppError } from '../errors';

/**
 * The rate-limit key of a peer address: IPv4 as is, IPv4-mapped IPv6 as its IPv4, every loopback
 * address (127.0.0.0/8, ::1) as `loopback`, other IPv6 as its /64 prefix (one host's privacy
 * addresses rotate within it). Anything else is kept as given.
 */
export function clientKey(address: string): string {
  const raw = address.trim();
  const ipv4 = (a: string) => (a.startsWith('127.') ? 'loopback' : a);
  if (isIPv4(raw)) return ipv4(raw);
  // ipaddr.js reads every way of writing IPv6 (zone id, `::`, embedded IPv4, padded groups).
  if (!ipaddr.IPv6.isValid(raw)) return raw;
  const address6 = ipaddr.IPv6.parse(raw);
  if (address6.isIPv4MappedAddress()) return ipv4(address6.toIPv4Address().toString());
  if (address6.range() === 'loopback') return 'loopback';
  return `${address6.parts.slice(0, 4).map((g) => g.toString(16)).join(':')}::/64`;
}

export function rateLimit({ perMinute, now = Date.now }: { perMinute: number; now?: () => number }): MiddlewareHandler {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const refillPerMs = perMinute / 60_000;
  return async (c, next) => {
    if (perMinute <= 0) return next();
    let client = 'local';
    try {
      const address = getConnInfo(c).remote.address;
      if (address) client = clientKey(address);
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
