// The server's Prometheus metrics (prom-client), in a registry of each app's own (never the global
// one, so tests can build many apps): requests and latency by method, route pattern and status;
// upstream calls, errors and latency by endpoint; jobs waiting and running; sign-ins refused; and,
// when asked (the real server, not each test app), Node's default process metrics.
// Labels are bounded sets named by the code or the configuration (route patterns, endpoint ids,
// error codes): never a raw URL, a prompt, a user or an id.
// The guard of GET /metrics is hand-written (a few lines over ipaddr.js): hono/ip-restriction
// knows no bearer alternative, and the token must be compared in constant time.
import { createHash, timingSafeEqual } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Config } from '../config';
import { AppError, CLIENT_CLOSED } from '../errors';
import type { FriendliClient } from '../friendli/client';
import { inAddressList, isLoopbackAddress, peerAddress, type AddressList } from './address-list';

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
/** An error code as a label: the codes are the server's own words, but one from elsewhere is never a new series. */
const codeLabel = (code: string) => (/^[a-z_]{1,40}$/.test(code) ? code : 'other');

export interface JobCounts {
  running: number;
  waiting: number;
}

export function createMetrics({ processMetrics = false }: { processMetrics?: boolean } = {}) {
  const registry = new Registry();
  // Off by default: each set samples the event loop on a timer, too many for a test file's apps.
  if (processMetrics) collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const httpLabels = ['method', 'route', 'status'] as const;
  const httpRequests = new Counter({ name: 'studio_http_requests_total', help: 'HTTP requests answered, by method, route pattern and status.', labelNames: httpLabels, registers });
  const httpSeconds = new Histogram({
    name: 'studio_http_request_duration_seconds',
    help: 'Time to answer an HTTP request (to its headers), by method, route pattern and status.',
    labelNames: httpLabels,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120],
    registers,
  });
  const upstreamCalls = new Counter({
    name: 'studio_upstream_requests_total',
    help: 'Calls to the upstream (a FriendliAI endpoint, or the local engine), by endpoint id, operation and outcome (ok, error, cancelled).',
    labelNames: ['endpoint', 'operation', 'outcome'] as const,
    registers,
  });
  const upstreamErrors = new Counter({
    name: 'studio_upstream_errors_total',
    help: 'Upstream calls that failed, by endpoint id, operation and error code.',
    labelNames: ['endpoint', 'operation', 'code'] as const,
    registers,
  });
  const upstreamSeconds = new Histogram({
    name: 'studio_upstream_request_duration_seconds',
    help: 'Time an upstream call took, retries included, by endpoint id and operation.',
    labelNames: ['endpoint', 'operation'] as const,
    buckets: [0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 30, 60, 120, 300],
    registers,
  });
  const jobSources: Array<() => JobCounts> = [];
  const sum = (key: keyof JobCounts) => jobSources.reduce((total, source) => total + source()[key], 0);
  new Gauge({
    name: 'studio_jobs_running',
    help: 'Generations running upstream now.',
    registers,
    collect() {
      this.set(sum('running'));
    },
  });
  new Gauge({
    name: 'studio_jobs_waiting',
    help: 'Generations waiting for their turn upstream.',
    registers,
    collect() {
      this.set(sum('waiting'));
    },
  });
  const signInsRefused = new Counter({ name: 'studio_sign_ins_refused_total', help: 'Sign-ins refused (a wrong name or password, a disabled user, too many tries).', registers });

  return {
    registry,
    /** Incremented by sign-in on each refusal. */
    signInsRefused,
    /** One answered request; `route` is the matched pattern (e.g. /api/images/:id), never the URL. */
    observeRequest(method: string, route: string, status: number, seconds: number) {
      const labels = { method: METHODS.has(method) ? method : 'other', route, status: String(status) };
      httpRequests.inc(labels);
      httpSeconds.observe(labels, seconds);
    },
    /** One upstream call that ended: `code` is the error's code, absent when it succeeded. */
    observeUpstream(endpoint: string, operation: 'generate' | 'edit', seconds: number, code?: string) {
      const outcome = code === undefined ? 'ok' : code === 'cancelled' ? 'cancelled' : 'error';
      upstreamCalls.inc({ endpoint, operation, outcome });
      upstreamSeconds.observe({ endpoint, operation }, seconds);
      if (outcome === 'error') upstreamErrors.inc({ endpoint, operation, code: codeLabel(code!) });
    },
    /** Reads the jobs of a limiter (or queue) whenever the metrics are scraped. */
    watchJobs(source: () => JobCounts) {
      jobSources.push(source);
    },
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

/**
 * The client, its generate and edit calls counted by endpoint: the endpoint id is the `model`'s
 * part before `:` (the adapter route), one of the configured ids, else the default endpoint's;
 * `only` for a client that serves one endpoint.
 */
export function instrumentClient(client: FriendliClient, metrics: Metrics, config: Pick<Config, 'endpoints' | 'endpointId' | 'engine'>, only?: string): FriendliClient {
  const ids = new Set(config.endpoints.map((e) => e.id));
  const fallback = config.endpointId ?? config.endpoints[0]?.id ?? 'default';
  // A container's client serves one endpoint (its `model` is an adapter route alone).
  const endpointOf = (model: unknown) => {
    if (only !== undefined) return only;
    const id = typeof model === 'string' ? model.split(':')[0]! : undefined;
    return id !== undefined && ids.has(id) ? id : fallback;
  };
  const timed =
    <P extends { model?: unknown }, R>(operation: 'generate' | 'edit', call: (params: P, signal?: AbortSignal) => Promise<R>) =>
    async (params: P, signal?: AbortSignal): Promise<R> => {
      const started = performance.now();
      const seconds = () => (performance.now() - started) / 1000;
      try {
        const result = await call(params, signal);
        metrics.observeUpstream(endpointOf(params.model), operation, seconds());
        return result;
      } catch (err) {
        const code = err instanceof AppError ? (err.status === CLIENT_CLOSED ? 'cancelled' : err.code) : err instanceof Error && err.name === 'AbortError' ? 'cancelled' : 'internal';
        metrics.observeUpstream(endpointOf(params.model), operation, seconds(), code);
        throw err;
      }
    };
  return { ...client, generate: timed('generate', client.generate), edit: timed('edit', client.edit) };
}

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Who may read the metrics (pure, so the policy is tested with any address): a bearer equal to
 * `token`, a loopback peer, or a peer within `allow`. No peer (an in-process request) is refused.
 */
export function metricsAllowed({ peer, authorization }: { peer?: string; authorization?: string }, { allow, token }: { allow: AddressList; token?: string }): boolean {
  const auth = /^bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  // Digests of equal length, compared in constant time: the time taken says nothing of the token.
  if (token && auth && timingSafeEqual(digest(auth[1]!), digest(token))) return true;
  return isLoopbackAddress(peer) || inAddressList(peer, allow);
}

/**
 * GET /metrics in Prometheus' text format, to loopback peers, to peers within `allow` (config
 * METRICS_ALLOW), or with `Authorization: Bearer <token>` (METRICS_TOKEN); anyone else: 403.
 * The peer is the socket's address, never a forwarded header (a proxy in front is not loopback).
 */
export function metricsRoutes(metrics: Metrics, policy: { allow: AddressList; token?: string }) {
  const allowed = (c: Context) => metricsAllowed({ peer: peerAddress(c), authorization: c.req.header('authorization') }, policy);
  return new Hono().get('/metrics', async (c) => {
    if (!allowed(c)) throw new AppError(403, 'forbidden', 'The metrics are served to this machine, to the addresses in METRICS_ALLOW, or with METRICS_TOKEN.');
    c.header('cache-control', 'no-store');
    return c.body(await metrics.registry.metrics(), 200, { 'content-type': metrics.registry.contentType });
  });
}
