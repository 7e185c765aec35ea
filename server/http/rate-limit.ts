// A per-client limit on generation (a token bucket per client): a runaway script or a stuck key
// cannot spend the token unchecked. Refusals say when to come back (Retry-After). One machine is
// one client: IPv4-mapped IPv6 is keyed as IPv4, every loopback address as one, IPv6 by its /64.
// Not hono-rate-limiter: its stores count fixed windows, so a client may start twice the limit
// across a window's edge; this token bucket refills steadily and is a few lines.
import { isIPv4, isIPv6 } from 'node:net';
import type { MiddlewareHandler } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { AppError } from '../errors';

/** Eight 16-bit groups of an IPv6 address (zone id dropped), or undefined when it is not one. */
function ipv6Groups(address: string): number[] | undefined {
  const plain = address.split('%')[0]!;
  if (!isIPv6(plain)) return undefined;
  let text = plain.toLowerCase();
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4[1]!.split('.').map(Number) as [number, number, number, number];
    text = `${text.slice(0, -v4[1]!.length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::') as [string, string | undefined];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const middle = tail === undefined ? [] : Array(8 - left.length - right.length).fill('0');
  return [...left, ...middle, ...right].map((g) => Number.parseInt(g, 16));
}

/**
 * The rate-limit key of a peer address: IPv4 as is, IPv4-mapped IPv6 as its IPv4, every loopback
 * address (127.0.0.0/8, ::1) as `loopback`, other IPv6 as its /64 prefix (one host's privacy
 * addresses rotate within it). Anything else is kept as given.
 */
export function clientKey(address: string): string {
  const raw = address.trim();
  const ipv4 = (a: string) => (a.startsWith('127.') ? 'loopback' : a);
  if (isIPv4(raw)) return ipv4(raw);
  const groups = ipv6Groups(raw);
  if (!groups) return raw;
  const isMapped = groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff;
  if (isMapped) return ipv4([groups[6]! >> 8, groups[6]! & 255, groups[7]! >> 8, groups[7]! & 255].join('.'));
  if (groups.slice(0, 7).every((g) => g === 0) && groups[7] === 1) return 'loopback';
  return `${groups.slice(0, 4).map((g) => g.toString(16)).join(':')}::/64`;
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
