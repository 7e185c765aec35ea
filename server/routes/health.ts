// GET /healthz and GET /readyz, for load balancers, orchestrators and Docker's HEALTHCHECK: mounted
// before the access key and sign-in (a probe holds neither), behind the Host guard. /healthz: the
// process answers. /readyz: the upstream is configured and every named check (the database, …)
// passed, within a time limit each; otherwise 503 with the reasons, which name the check and never
// its error (that goes to the log: a connection error may name hosts and users).
import { Hono } from 'hono';
import type { Config } from '../config';
import { silentLogger, type Logger } from '../errors';

export interface ReadinessCheck {
  /** Shown in /readyz's reasons and the log, e.g. `database`. */
  name: string;
  /** Resolves when the thing checked is ready; rejects (or takes too long) when it is not. */
  check: () => Promise<void>;
}

/** How long one check may take before it counts as failed. */
export const READINESS_TIMEOUT_MS = 3000;

/** Whether the studio has somewhere to send images: the local engine, or a token and an endpoint. */
export function upstreamConfigured(config: Pick<Config, 'engine' | 'token' | 'endpoints'>): boolean {
  return config.engine === 'local' || (!!config.token && config.endpoints.length > 0);
}

async function failure({ name, check }: ReadinessCheck, logger: Logger, timeoutMs: number): Promise<string | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
  try {
    const outcome = await Promise.race([check().then(() => 'ok' as const), timedOut]);
    if (outcome === 'ok') return undefined;
    logger.warn('readiness check timed out', { check: name, timeout_ms: timeoutMs });
    return `${name}: no answer within ${timeoutMs / 1000} s`;
  } catch (err) {
    logger.warn('readiness check failed', { check: name, error: err instanceof Error ? err.message : String(err) });
    return `${name}: not ready`;
  } finally {
    clearTimeout(timer);
  }
}

export function healthRoutes({
  config,
  checks = [],
  logger = silentLogger,
  timeoutMs = READINESS_TIMEOUT_MS,
}: {
  config: Pick<Config, 'engine' | 'token' | 'endpoints'>;
  checks?: readonly ReadinessCheck[];
  logger?: Logger;
  timeoutMs?: number;
}) {
  return new Hono()
    .get('/healthz', (c) => c.json({ ok: true as const }, 200, { 'cache-control': 'no-store' }))
    .get('/readyz', async (c) => {
      const reasons: string[] = [];
      if (!upstreamConfigured(config)) reasons.push('upstream: not configured (set FRIENDLI_TOKEN and an endpoint, or leave FRIENDLI_TOKEN unset for the local engine)');
      const failed = await Promise.all(checks.map((check) => failure(check, logger, timeoutMs)));
      reasons.push(...failed.filter((r): r is string => r !== undefined));
      const headers = { 'cache-control': 'no-store' };
      return reasons.length ? c.json({ ready: false as const, reasons }, 503, headers) : c.json({ ready: true as const }, 200, headers);
    });
}
