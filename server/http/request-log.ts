// Each request's id, log scope and access log line. The id is a sane incoming X-Request-Id (a proxy
// or a script may set one: letters, digits, `_`, `-`, `=`, at most 128) or a new UUID (hono's
// request-id), returned in X-Request-Id. Every line logged while the request is handled carries
// `request_id` and, once sign-in has set `c.var.user`, `user` (errors.ts' logScope). Once answered,
// one line: method, route pattern (never the raw URL, which may hold a key), status and ms, at info;
// health probes and metric scrapes at debug, since load balancers and Prometheus ask every few seconds.
import type { Context, MiddlewareHandler } from 'hono';
import { every } from 'hono/combine';
import { requestId } from 'hono/request-id';
import { routePath } from 'hono/route';
import { logScope, type Logger } from '../errors';
import type { Metrics } from './metrics';

const PROBES = new Set(['/healthz', '/readyz', '/metrics']);

/** The signed-in user's name as the log shows it, when sign-in has set one (`c.var.user`: a name, or an object with a name or id). */
export function userOf(c: Context): string | undefined {
  const user: unknown = (c.var as Record<string, unknown>).user;
  if (typeof user === 'string') return user;
  if (user && typeof user === 'object') {
    const { name, id } = user as { name?: unknown; id?: unknown };
    if (typeof name === 'string') return name;
    if (typeof id === 'string' || typeof id === 'number') return String(id);
  }
  return undefined;
}

export function requestLog({ logger, metrics }: { logger: Logger; metrics?: Metrics }): MiddlewareHandler {
  const scoped: MiddlewareHandler = async (c, next) => {
    const started = performance.now();
    const fields = () => {
      const user = userOf(c);
      return { request_id: c.get('requestId'), ...(user === undefined ? {} : { user }) };
    };
    await logScope.run(fields, next);
    const ms = performance.now() - started;
    // The pattern of the handler that answered (the last one run): /api/images/:id, or a guard's `*`.
    const route = routePath(c) || '*';
    const status = c.res.status;
    metrics?.observeRequest(c.req.method, route, status, ms / 1000);
    const line = { method: c.req.method, route, status, ms: Math.round(ms * 10) / 10 };
    logScope.run(fields, () => (PROBES.has(c.req.path) && status < 500 ? logger.debug('request', line) : logger.info('request', line)));
  };
  return every(requestId({ limitLength: 128 }), scoped);
}
